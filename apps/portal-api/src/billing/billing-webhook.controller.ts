import { Controller, Headers, HttpCode, Post, type RawBodyRequest, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { BillingWebhookService } from '@keyport/billing';
import { Public } from '../auth/public.decorator';
import { WebhookReceivedDto } from './billing.dto';

/** Stripe's webhook endpoint: no token, the signature over the raw body is the authentication. */
@ApiTags('billing')
@Controller('v1/billing/webhook')
export class BillingWebhookController {
  constructor(private readonly webhooks: BillingWebhookService) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookReceivedDto })
  async receive(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature?: string): Promise<WebhookReceivedDto> {
    const outcome = await this.webhooks.receive(request.rawBody, signature);
    return { received: true, duplicate: outcome.duplicate };
  }
}
