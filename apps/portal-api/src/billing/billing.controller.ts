import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BillingService } from '@keyport/billing';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { DevelopersService } from '@keyport/developers';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors, DEVELOPER_ROUTE_ERRORS } from '../http/api-errors.decorator';
import { BillingStatusDto, CheckoutDto, InvoiceDto, InvoiceListDto, RedirectUrlDto } from './billing.dto';

/** The developer's billing: Checkout to subscribe, the Customer Portal to manage, state and invoices. All 404 while billing is off. */
@ApiTags('billing')
@ApiBearerAuth()
@ApiErrors({ ...DEVELOPER_ROUTE_ERRORS, 404: ['BILLING_DISABLED'] })
@Controller('v1/billing')
export class BillingController {
  constructor(
    private readonly developers: DevelopersService,
    private readonly billing: BillingService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your billing status', description: 'The state of your newest subscription and the tier in effect.' })
  @ApiOkResponse({ type: BillingStatusDto, description: 'Your billing status' })
  async status(@Principal() principal: VerifiedPrincipal): Promise<BillingStatusDto> {
    const developer = await this.developers.requireActive(principal);
    return BillingStatusDto.from(await this.billing.status(developer.id, true));
  }

  @Post('checkout')
  @ApiOperation({
    summary: 'Start a Stripe Checkout session for a paid tier',
    description: 'A Checkout page in subscription mode; the tier changes once Stripe reports the payment (webhook). While a subscription bills, switch plans in the portal instead.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: RedirectUrlDto, description: 'A Stripe Checkout page (subscription mode)' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 409: ['SUBSCRIPTION_EXISTS'] })
  async checkout(@Principal() principal: VerifiedPrincipal, @Body() body: CheckoutDto): Promise<RedirectUrlDto> {
    const developer = await this.developers.requireActive(principal);
    return { url: await this.billing.checkout(developer.id, body.tier) };
  }

  @Post('portal')
  @ApiOperation({ summary: 'Open the Stripe Customer Portal', description: 'Where you change plans, payment methods and cancel, and see invoices.' })
  @HttpCode(200)
  @ApiOkResponse({ type: RedirectUrlDto, description: 'A Stripe Customer Portal session' })
  async portal(@Principal() principal: VerifiedPrincipal): Promise<RedirectUrlDto> {
    const developer = await this.developers.requireActive(principal);
    return { url: await this.billing.portal(developer.id) };
  }

  @Get('invoices')
  @ApiOperation({ summary: 'Your invoices', description: 'Your latest invoices from Stripe, newest first (at most 24).' })
  @ApiOkResponse({ type: InvoiceListDto, description: 'Your invoices' })
  async invoices(@Principal() principal: VerifiedPrincipal): Promise<InvoiceListDto> {
    const developer = await this.developers.requireActive(principal);
    return { items: (await this.billing.invoices(developer.id)).map(InvoiceDto.from) };
  }
}
