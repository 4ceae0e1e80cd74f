import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BillingService } from '@keyport/billing';
import { type Developer } from '@keyport/developers';
import { ActiveDeveloper } from '../auth/active-developer.decorator';
import { ActiveDeveloperGuard } from '../auth/active-developer.guard';
import { ApiErrors, DEVELOPER_ROUTE_ERRORS } from '../http/api-errors.decorator';
import { BillingStatusDto, CheckoutDto, InvoiceDto, InvoiceListDto, RedirectUrlDto } from './billing.dto';

/** The developer's billing: Checkout to subscribe, the Customer Portal to manage, state and invoices. All 404 while billing is off. */
@ApiTags('billing')
@ApiBearerAuth()
@ApiErrors({ ...DEVELOPER_ROUTE_ERRORS, 404: ['BILLING_DISABLED'] })
@UseGuards(ActiveDeveloperGuard)
@Controller('v1/billing')
export class BillingController {
  constructor(private readonly billing: BillingService) {}

  @Get()
  @ApiOperation({ summary: 'Your billing status', description: 'The state of your newest subscription and the tier in effect.' })
  @ApiOkResponse({ type: BillingStatusDto, description: 'Your billing status' })
  async status(@ActiveDeveloper() developer: Developer): Promise<BillingStatusDto> {
    return BillingStatusDto.from(await this.billing.status(developer.id, true));
  }

  @Post('checkout')
  @ApiOperation({
    summary: 'Start a Stripe Checkout session for a paid tier',
    description:
      'A Checkout page in subscription mode; the tier changes once Stripe reports the payment (webhook). While a subscription bills, switch plans in the portal instead.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: RedirectUrlDto, description: 'A Stripe Checkout page (subscription mode)' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 409: ['SUBSCRIPTION_EXISTS'] })
  async checkout(@ActiveDeveloper() developer: Developer, @Body() body: CheckoutDto): Promise<RedirectUrlDto> {
    return { url: await this.billing.checkout(developer.id, body.tier) };
  }

  @Post('portal')
  @ApiOperation({ summary: 'Open the Stripe Customer Portal', description: 'Where you change plans, payment methods and cancel, and see invoices.' })
  @HttpCode(200)
  @ApiOkResponse({ type: RedirectUrlDto, description: 'A Stripe Customer Portal session' })
  async portal(@ActiveDeveloper() developer: Developer): Promise<RedirectUrlDto> {
    return { url: await this.billing.portal(developer.id) };
  }

  @Get('invoices')
  @ApiOperation({ summary: 'Your invoices', description: 'Your latest invoices from Stripe, newest first (at most 24).' })
  @ApiOkResponse({ type: InvoiceListDto, description: 'Your invoices' })
  async invoices(@ActiveDeveloper() developer: Developer): Promise<InvoiceListDto> {
    return { items: (await this.billing.invoices(developer.id)).map((invoice) => InvoiceDto.from(invoice)) };
  }
}
