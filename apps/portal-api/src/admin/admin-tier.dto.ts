import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { type Tier } from '@keyport/tiers';
import { TierDto } from '../tiers/tier.dto';
import { SetQuotaDto } from './quota.dto';

export class ThrottleInputDto {
  @ApiProperty({ description: 'Steady-state requests per second (may be fractional)', minimum: 0.01, maximum: 1_000_000, example: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(1_000_000)
  rateLimit!: number;

  @ApiProperty({ description: 'Requests allowed in a burst', type: 'integer', minimum: 1, maximum: 5_000_000, example: 200 })
  @IsInt()
  @Min(1)
  @Max(5_000_000)
  burstLimit!: number;
}

export class UpdateTierDto {
  @ApiPropertyOptional({ description: 'Display name', minLength: 1, maxLength: 100, example: 'Standard' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'New throttle of the tier’s usage plan', type: ThrottleInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ThrottleInputDto)
  throttle?: ThrottleInputDto;

  @ApiPropertyOptional({ description: 'New quota of the tier’s usage plan', type: SetQuotaDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SetQuotaDto)
  quota?: SetQuotaDto;
}

export class AdminTierDto extends TierDto {
  @ApiProperty({ description: 'Stripe price that grants this tier; null for a free tier', nullable: true, type: String })
  stripePriceId!: string | null;

  static fromTier(tier: Tier): AdminTierDto {
    return { ...TierDto.from(tier), stripePriceId: tier.stripePriceId };
  }
}
