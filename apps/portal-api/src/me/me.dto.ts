import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { type TierChangeOutcome } from '@keyport/billing';
import { type Developer } from '@keyport/developers';

export class MeDto {
  @ApiProperty({ description: 'Developer id (Cognito sub)', format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'E-mail address', format: 'email', example: 'dev@example.com' })
  email!: string;

  @ApiProperty({ description: 'Current tier slug', example: 'standard' })
  tier!: string;

  @ApiProperty({
    description:
      'Account status; `pending`: waiting for an admin to approve the sign-up (SIGNUP_APPROVAL=manual); `deleted`: the account was deleted (its row stays for the audit trail)',
    enum: ['active', 'suspended', 'pending', 'deleted'],
  })
  status!: 'active' | 'suspended' | 'pending' | 'deleted';

  @ApiProperty({ description: 'When the account was created', format: 'date-time' })
  createdAt!: string;

  static from(developer: Developer): MeDto {
    return {
      id: developer.id,
      email: developer.email,
      tier: developer.tierSlug,
      status: developer.status.toLowerCase() as MeDto['status'],
      createdAt: developer.createdAt.toISOString(),
    };
  }
}

export class ChangeTierDto {
  @ApiProperty({ description: 'Slug of the tier to move to', example: 'premium', pattern: '^[a-z0-9-]+$', minLength: 1, maxLength: 64 })
  @IsString()
  @Length(1, 64)
  @Matches(/^[a-z0-9-]+$/, { message: 'must be a tier slug (lowercase letters, digits, dashes)' })
  tier!: string;
}

export class TierChangedDto {
  @ApiProperty({ description: 'The tier now in effect', example: 'premium' })
  tier!: string;

  @ApiPropertyOptional({ description: 'With billing, moving down from a paid tier: the tier that takes effect when the paid period ends', example: 'standard' })
  pendingTier?: string;

  @ApiPropertyOptional({
    description: 'Present with `pendingTier`: when it takes effect (null if Stripe has not said)',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  effectiveAt?: string | null;

  static from(outcome: TierChangeOutcome): TierChangedDto {
    if (outcome.pendingTier === undefined) return { tier: outcome.tier };
    return { tier: outcome.tier, pendingTier: outcome.pendingTier, effectiveAt: outcome.effectiveAt?.toISOString() ?? null };
  }
}
