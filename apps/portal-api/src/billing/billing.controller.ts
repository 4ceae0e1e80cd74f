import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BillingService } from '@keyport/billing';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { DevelopersService } from '@keyport/developers';
import { Principal } from '../auth/principal.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { BillingStatusDto, CheckoutDto, InvoiceDto, InvoiceListDto, RedirectUrlDto } from './billing.dto';

/** The developer's billing: Checkout to subscribe, the Customer Portal to manage, state and invoices. All 404 while billing is off. */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('v1/billing')
export class BillingController {
  constructor(
    private readonly developers: DevelopersService,
    private readonly billing: BillingService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your billing status' })
  @ApiOkResponse({ type: BillingStatusDto })
  @ApiErrors(401, 403, 404)
  async status(@Principal() principal: VerifiedPrincipal): Promise<BillingStatusDto> {
    const developer = await this.developers.requireActive(principal);
    return BillingStatusDto.from(await this.billing.status(developer.id, true));
  }

  @Post('checkout')
  @ApiOperation({ summary: 'Start a Stripe Checkout session for a paid tier' })
  @HttpCode(200)
  @ApiOkResponse({ type: RedirectUrlDto, description: 'A Stripe Checkout page (subscription mode)' })
  @ApiErrors(400, 401, 403, 404, 409, 503)
  async checkout(@Principal() principal: VerifiedPrincipal, @Body() body: CheckoutDto): Promise<RedirectUrlDto> {
    const developer = await this.developers.requireActive(principal);
    return { url: await this.billing.checkout(developer.id, body.tier) };
  }

  @Post('portal')
  @ApiOperation({ summary: 'Open the Stripe Customer Portal' })
  @HttpCode(200)
  @ApiOkResponse({ type: RedirectUrlDto, description: 'A Stripe Customer Portal session' })
  @ApiErrors(401, 403, 404, 503)
  async portal(@Principal() principal: VerifiedPrincipal): Promise<RedirectUrlDto> {
    const developer = await this.developers.requireActive(principal);
    return { url: await this.billing.portal(developer.id) };
  }

  @Get('invoices')
  @ApiOperation({ summary: 'Your invoices' })
  @ApiOkResponse({ type: InvoiceListDto })
  @ApiErrors(401, 403, 404, 503)
  async invoices(@Principal() principal: VerifiedPrincipal): Promise<InvoiceListDto> {
    const developer = await this.developers.requireActive(principal);
    return { items: (await this.billing.invoices(developer.id)).map(InvoiceDto.from) };
  }
}
