import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { type DeveloperQuotaUse, type QuotaUtilization, type UsageTotals } from '@keyport/reports';
import { QuotaDto } from '../tiers/tier.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class UsageRangeQueryDto {
  @ApiPropertyOptional({ description: 'First day (UTC); default 29 days before `to`', format: 'date', example: '2026-11-01' })
  @IsOptional()
  @Matches(DAY, { message: 'must be a date as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day, inclusive (UTC); default today. At most 366 days in all', format: 'date', example: '2026-11-30' })
  @IsOptional()
  @Matches(DAY, { message: 'must be a date as YYYY-MM-DD' })
  to?: string;
}

export class UsageQueryDto extends UsageRangeQueryDto {
  @ApiPropertyOptional({ description: 'What to total by', enum: ['day', 'developer', 'tier', 'key'], default: 'day' })
  @IsOptional()
  @IsIn(['day', 'developer', 'tier', 'key'])
  groupBy?: 'day' | 'developer' | 'tier' | 'key';

  @ApiPropertyOptional({ description: 'Only usage recorded under this tier', pattern: '^[a-z0-9-]{1,64}$', example: 'premium' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'must be a tier slug' })
  tier?: string;

  @ApiPropertyOptional({ description: 'Only this developer’s usage', format: 'uuid' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'must be a developer id' })
  developerId?: string;

  @ApiPropertyOptional({ description: 'groupBy=developer|key: `nextCursor` of the previous page', minLength: 1, maxLength: 512 })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;

  @ApiPropertyOptional({
    description: 'groupBy=developer|key: developers or keys a page covers',
    type: 'integer',
    minimum: 1,
    maximum: 10_000,
    default: 500,
    example: 500,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;
}

export class TopQueryDto extends UsageRangeQueryDto {
  @ApiPropertyOptional({ description: 'How many developers', type: 'integer', minimum: 1, maximum: 1000, default: 10, example: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class UtilizationQueryDto {
  @ApiPropertyOptional({ description: 'Share of the quota (with grants) used this period', minimum: 0, maximum: 10, default: 0.8, example: 0.8 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  threshold?: number;

  @ApiPropertyOptional({ description: 'Developers to list, highest share first', type: 'integer', minimum: 1, maximum: 10_000, default: 1000, example: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;
}

export class UsageGroupDto {
  @ApiProperty({ description: 'The day (YYYY-MM-DD), developer id, tier slug or key id', example: '2026-11-01' })
  group!: string;

  @ApiProperty({ description: 'Requests in the range', type: 'integer', minimum: 0, example: 1234 })
  requests!: number;

  @ApiPropertyOptional({ description: 'Owner of the key (present with groupBy=key only)', format: 'uuid' })
  developerId?: string;
}

export class UsageTotalsDto {
  @ApiProperty({ description: 'First day of the range', format: 'date', example: '2026-11-01' })
  from!: string;

  @ApiProperty({ description: 'Last day of the range, inclusive', format: 'date', example: '2026-11-30' })
  to!: string;

  @ApiProperty({ description: 'What the groups are', enum: ['day', 'developer', 'tier', 'key'] })
  groupBy!: string;

  @ApiProperty({ description: 'Requests in the range over all groups (every page)', type: 'integer', minimum: 0, example: 98765 })
  total!: number;

  @ApiProperty({
    type: [UsageGroupDto],
    description: 'Groups with usage, in group order; for developer and key, those among the next `limit` ids (a page may hold fewer)',
  })
  groups!: UsageGroupDto[];

  @ApiProperty({
    description: 'Pass as `cursor` for the next page of developers or keys; null on the last page (and for day and tier)',
    nullable: true,
    type: String,
  })
  nextCursor!: string | null;

  static from(totals: UsageTotals): UsageTotalsDto {
    return {
      from: totals.range.from,
      to: totals.range.to,
      groupBy: totals.groupBy,
      total: totals.total,
      groups: totals.groups,
      nextCursor: totals.nextCursor,
    };
  }
}

export class DeveloperUsageDto {
  @ApiProperty({ description: 'Developer id', format: 'uuid' })
  developerId!: string;

  @ApiProperty({ description: 'E-mail address', format: 'email' })
  email!: string;

  @ApiProperty({ description: 'Current tier', example: 'standard' })
  tier!: string;

  @ApiProperty({ type: QuotaDto, description: 'Quota in effect (own, else the tier’s)' })
  quota!: QuotaDto;

  @ApiProperty({ description: 'Requests counted', type: 'integer', minimum: 0, example: 123456 })
  requests!: number;

  @ApiProperty({ description: 'Requests over the quota available (top: over the range’s quota periods)', minimum: 0, example: 0.42 })
  share!: number;

  static from(use: DeveloperQuotaUse): DeveloperUsageDto {
    return { developerId: use.developerId, email: use.email, tier: use.tier, quota: { ...use.quota }, requests: use.requests, share: use.share };
  }
}

export class TopUsageDto {
  @ApiProperty({ description: 'First day of the range', format: 'date', example: '2026-09-01' })
  from!: string;

  @ApiProperty({ description: 'Last day of the range, inclusive', format: 'date', example: '2026-11-30' })
  to!: string;

  @ApiProperty({ type: [DeveloperUsageDto], description: 'Heaviest first' })
  items!: DeveloperUsageDto[];
}

export class UtilizationItemDto extends DeveloperUsageDto {
  @ApiProperty({ description: 'Requests granted for this period', type: 'integer', minimum: 0, example: 0 })
  granted!: number;

  @ApiProperty({ description: 'Start of the developer’s current quota period', format: 'date-time' })
  periodStart!: string;

  @ApiProperty({ description: 'When their quota resets', format: 'date-time' })
  periodEnd!: string;
}

export class QuotaUtilizationDto {
  @ApiProperty({ description: 'The threshold asked for', minimum: 0, maximum: 10, example: 0.8 })
  threshold!: number;

  @ApiProperty({ description: 'How many developers are at or above it', type: 'integer', minimum: 0, example: 12 })
  total!: number;

  @ApiProperty({ type: [UtilizationItemDto], description: 'Highest share first' })
  items!: UtilizationItemDto[];

  static from(result: QuotaUtilization): QuotaUtilizationDto {
    return {
      threshold: result.threshold,
      total: result.total,
      items: result.items.map((item) => ({
        ...DeveloperUsageDto.from(item),
        granted: item.granted,
        periodStart: item.periodStart.toISOString(),
        periodEnd: item.periodEnd.toISOString(),
      })),
    };
  }
}
