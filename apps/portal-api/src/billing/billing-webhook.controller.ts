import { Controller, Headers, HttpCode, Post, type RawBodyRequest, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { BillingWebhookService } from '@keyport/billing';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { WebhookReceivedDto } from './billing.dto';

/** Stripe's webhook endpoint: no token, the signature over the raw body is the authentication. */
@ApiTags('billing')
@Public()
@Controller('v1/billing/webhook')
export class BillingWebhookController {
  constructor(private readonly webhooks: BillingWebhookService) {}

  @Post()
  @ApiOperation({
    summary: 'Stripe webhook endpoint (authenticated by the Stripe-Signature header)',
    description:
      'For Stripe only. The signature over the raw body is checked with a 5-minute tolerance; every event id is kept, ' +
      'so a redelivery is acknowledged with `duplicate: true`. 503 while Stripe cannot be read: Stripe delivers again.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookReceivedDto, description: 'Event verified and recorded' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['BILLING_DISABLED'], 503: ['UNAVAILABLE'] })
  async receive(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature?: string): Promise<WebhookReceivedDto> {
    const outcome = await this.webhooks.receive(request.rawBody, signature);
    return { received: true, duplicate: outcome.duplicate };
  }
}
