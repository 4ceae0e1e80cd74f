import { ApiProperty } from '@nestjs/swagger';
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
