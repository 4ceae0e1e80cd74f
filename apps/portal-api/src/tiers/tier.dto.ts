import { ApiProperty } from '@nestjs/swagger';
import { type OfferedTier } from '@keyport/billing';
import { type Tier } from '@keyport/tiers';

export class ThrottleDto {
  @ApiProperty({ description: 'Steady-state requests per second (may be fractional)', minimum: 0, example: 100 })
  rateLimit!: number;

  @ApiProperty({ description: 'Requests allowed in a burst', type: 'integer', minimum: 0, example: 200 })
  burstLimit!: number;
}

export class QuotaDto {
  @ApiProperty({ description: 'Requests allowed per period', type: 'integer', minimum: 0, example: 1000000 })
  limit!: number;

  @ApiProperty({ description: 'Quota period (UTC boundaries)', enum: ['DAY', 'WEEK', 'MONTH'] })
  period!: 'DAY' | 'WEEK' | 'MONTH';
}

export class TierDto {
  @ApiProperty({ description: 'Tier identifier', example: 'standard' })
  slug!: string;

  @ApiProperty({ description: 'Display name', example: 'Standard' })
  name!: string;

  @ApiProperty({ description: 'Throttle of the tier usage plan', type: ThrottleDto })
  throttle!: ThrottleDto;

  @ApiProperty({ description: 'Quota of the tier usage plan', type: QuotaDto })
  quota!: QuotaDto;

  static from(tier: Tier): TierDto {
    return { slug: tier.slug, name: tier.name, throttle: { ...tier.throttle }, quota: { ...tier.quota } };
  }
}

export class TierPriceDto {
  @ApiProperty({
    description: "Amount per interval in the currency's smallest unit (cents), as Stripe gives it; null for a metered price",
    type: 'integer',
    nullable: true,
    example: 1900,
  })
  amount!: number | null;

  @ApiProperty({ description: 'ISO 4217 currency code, lower case as Stripe gives it', example: 'usd' })
  currency!: string;

  @ApiProperty({ description: 'Billing interval; null for a one-off price', enum: ['day', 'week', 'month', 'year'], nullable: true, type: String })
  interval!: string | null;
}

export class OfferedTierDto extends TierDto {
  @ApiProperty({ description: 'Whether moving to this tier goes through Stripe Checkout (billing on and a Stripe price grants it)' })
  paid!: boolean;

  @ApiProperty({
    description: 'What the tier costs, read from its Stripe price; null with billing off, for a free tier, or while Stripe cannot be reached',
    type: TierPriceDto,
    nullable: true,
  })
  price!: TierPriceDto | null;

  static fromOffered(offered: OfferedTier): OfferedTierDto {
    return { ...TierDto.from(offered.tier), paid: offered.paid, price: offered.price ? { ...offered.price } : null };
  }
}
