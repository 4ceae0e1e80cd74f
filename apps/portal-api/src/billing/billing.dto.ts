import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { type BillingStatus, type InvoiceSummary } from '@keyport/billing';

export class CheckoutDto {
  @ApiProperty({ description: 'Slug of the paid tier to subscribe to', pattern: '^[a-z0-9-]+$', minLength: 1, maxLength: 64, example: 'premium' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[a-z0-9-]+$/, { message: 'must be a tier slug (lowercase letters, digits, dashes)' })
  tier!: string;
}

export class RedirectUrlDto {
  @ApiProperty({ description: 'Stripe-hosted page to send the developer to', format: 'uri', example: 'https://checkout.stripe.com/c/pay/cs_test_a1b2' })
  url!: string;
}

export class BillingStatusDto {
  @ApiProperty({
    description: 'Status of the newest subscription, or `none`',
    enum: ['none', 'incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused'],
  })
  status!: string;

  @ApiProperty({ description: 'The tier now in effect', example: 'premium' })
  tier!: string;

  @ApiProperty({ description: 'End of the paid period, or null', nullable: true, type: String, format: 'date-time' })
  currentPeriodEnd!: string | null;

  @ApiProperty({ description: 'Whether the subscription ends at the end of the period' })
  cancelAtPeriodEnd!: boolean;

  @ApiProperty({ description: 'Since when payment is overdue (the grace runs from here), or null', nullable: true, type: String, format: 'date-time' })
  pastDueSince!: string | null;

  static from(status: BillingStatus): BillingStatusDto {
    return {
      status: status.status,
      tier: status.tier,
      currentPeriodEnd: status.currentPeriodEnd?.toISOString() ?? null,
      cancelAtPeriodEnd: status.cancelAtPeriodEnd,
      pastDueSince: status.pastDueSince?.toISOString() ?? null,
    };
  }
}

export class AdminBillingStatusDto extends BillingStatusDto {
  @ApiProperty({ description: 'Whether billing is configured on this installation' })
  enabled!: boolean;

  @ApiProperty({ description: 'Stripe customer id, or null', nullable: true, type: String })
  customerId!: string | null;

  @ApiProperty({ description: 'Stripe id of the newest subscription, or null', nullable: true, type: String })
  subscriptionId!: string | null;

  static override from(status: BillingStatus): AdminBillingStatusDto {
    return { ...BillingStatusDto.from(status), enabled: status.enabled, customerId: status.customerId, subscriptionId: status.subscriptionId };
  }
}

export class InvoiceDto {
  @ApiProperty({ description: 'Stripe invoice id' })
  id!: string;

  @ApiProperty({ description: 'Invoice number, once finalized', nullable: true, type: String })
  number!: string | null;

  @ApiProperty({ description: 'draft, open, paid, uncollectible or void', nullable: true, type: String })
  status!: string | null;

  @ApiProperty({ description: 'Amount due, in the smallest currency unit', type: 'integer', minimum: 0 })
  amountDue!: number;

  @ApiProperty({ description: 'Amount paid, in the smallest currency unit', type: 'integer', minimum: 0 })
  amountPaid!: number;

  @ApiProperty({ description: 'Three-letter ISO currency code', example: 'usd' })
  currency!: string;

  @ApiProperty({ description: 'When the invoice was created', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'Start of the billed period', format: 'date-time' })
  periodStart!: string;

  @ApiProperty({ description: 'End of the billed period', format: 'date-time' })
  periodEnd!: string;

  @ApiProperty({ description: 'Stripe-hosted page of the invoice', nullable: true, type: String, format: 'uri' })
  hostedInvoiceUrl!: string | null;

  @ApiProperty({ description: 'PDF of the invoice', nullable: true, type: String, format: 'uri' })
  pdfUrl!: string | null;

  static from(invoice: InvoiceSummary): InvoiceDto {
    return {
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      amountDue: invoice.amountDue,
      amountPaid: invoice.amountPaid,
      currency: invoice.currency,
      createdAt: invoice.created.toISOString(),
      periodStart: invoice.periodStart.toISOString(),
      periodEnd: invoice.periodEnd.toISOString(),
      hostedInvoiceUrl: invoice.hostedInvoiceUrl,
      pdfUrl: invoice.pdfUrl,
    };
  }
}

export class InvoiceListDto {
  @ApiProperty({ description: 'Newest first (at most 24)', type: [InvoiceDto] })
  items!: InvoiceDto[];
}

export class WebhookReceivedDto {
  @ApiProperty({ description: 'Always true: the event was verified and is recorded' })
  received!: boolean;

  @ApiProperty({ description: 'True when this event id was seen before and was ignored' })
  duplicate!: boolean;
}
