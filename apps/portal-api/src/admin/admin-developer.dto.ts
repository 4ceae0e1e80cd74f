import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { type DeveloperDetail } from '@keyport/admin';
import { type Developer, type DeveloperPage } from '@keyport/developers';
import { AdminBillingStatusDto } from '../billing/billing.dto';
import { KeyDto } from '../keys/key.dto';
import { MeDto } from '../me/me.dto';
import { QuotaDto } from '../tiers/tier.dto';

export class ListDevelopersQueryDto {
  @ApiPropertyOptional({ description: 'Part of the e-mail address (case-insensitive)', minLength: 1, maxLength: 254, example: 'example.com' })
  @IsOptional()
  @IsString()
  @Length(1, 254)
  search?: string;

  @ApiPropertyOptional({ description: 'Only developers on this tier', pattern: '^[a-z0-9-]{1,64}$', example: 'premium' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'must be a tier slug' })
  tier?: string;

  @ApiPropertyOptional({ description: 'Only developers with this status', enum: ['active', 'suspended', 'pending', 'deleted'] })
  @IsOptional()
  @IsIn(['active', 'suspended', 'pending', 'deleted'])
  status?: 'active' | 'suspended' | 'pending' | 'deleted';

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page', minLength: 1, maxLength: 512 })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Developers per page', type: 'integer', minimum: 1, maximum: 200, default: 50, example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AdminDeveloperDto extends MeDto {
  @ApiProperty({ description: 'Why the developer was suspended; null while not suspended', nullable: true, type: String })
  suspendedReason!: string | null;

  @ApiProperty({ description: 'Whether the sign-up is confirmed' })
  confirmed!: boolean;

  @ApiProperty({ description: 'The developer’s own quota, replacing the tier’s; null when none', nullable: true, type: QuotaDto })
  quotaOverride!: QuotaDto | null;

  static fromDeveloper(developer: Developer): AdminDeveloperDto {
    return {
      ...MeDto.from(developer),
      suspendedReason: developer.suspendedReason,
      confirmed: developer.confirmedAt !== null,
      quotaOverride: developer.quotaOverride ? { ...developer.quotaOverride } : null,
    };
  }
}

export class DeveloperPageDto {
  @ApiProperty({ type: [AdminDeveloperDto], description: 'Developers in sign-up order' })
  items!: AdminDeveloperDto[];

  @ApiProperty({ description: 'Pass as `cursor` for the next page; null on the last page', nullable: true, type: String })
  nextCursor!: string | null;

  static from(page: DeveloperPage): DeveloperPageDto {
    return { items: page.items.map((developer) => AdminDeveloperDto.fromDeveloper(developer)), nextCursor: page.nextCursor };
  }
}

export class PeriodUsageDto {
  @ApiProperty({ description: 'Quota period in effect', enum: ['DAY', 'WEEK', 'MONTH'] })
  period!: string;

  @ApiProperty({ description: 'Start of the current quota period (UTC)', format: 'date-time' })
  periodStart!: string;

  @ApiProperty({ description: 'When the quota resets', format: 'date-time' })
  periodEnd!: string;

  @ApiProperty({ description: 'Requests of all keys this period', type: 'integer', minimum: 0, example: 1234 })
  used!: number;

  @ApiProperty({ description: 'Quota in effect (the developer’s own, else the tier’s)', type: 'integer', minimum: 0, example: 1000000 })
  limit!: number;

  @ApiProperty({ description: 'Requests admins granted for this period', type: 'integer', minimum: 0, example: 0 })
  granted!: number;
}

export class AdminDeveloperDetailDto extends AdminDeveloperDto {
  @ApiProperty({ type: [KeyDto], description: 'Every key, revoked ones included; never a value' })
  keys!: KeyDto[];

  @ApiProperty({
    type: AdminBillingStatusDto,
    nullable: true,
    description: 'Billing state (as GET /v1/admin/developers/{id}/billing); null while billing is off',
  })
  billing!: AdminBillingStatusDto | null;

  @ApiProperty({ type: PeriodUsageDto, description: 'Usage in the current quota period' })
  usage!: PeriodUsageDto;

  static fromDetail(detail: DeveloperDetail): AdminDeveloperDetailDto {
    const { billing, usage } = detail;
    return {
      ...AdminDeveloperDto.fromDeveloper(detail.developer),
      keys: detail.keys.map((key) => KeyDto.from(key)),
      billing: billing && AdminBillingStatusDto.from(billing),
      usage: {
        period: usage.period,
        periodStart: usage.start.toISOString(),
        periodEnd: usage.end.toISOString(),
        used: usage.used,
        limit: usage.limit,
        granted: usage.granted,
      },
    };
  }
}

export class SuspendDto {
  @ApiProperty({ description: 'Why: recorded in the audit log and shown to admins', minLength: 1, maxLength: 500, example: 'Scraping in breach of the terms' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
