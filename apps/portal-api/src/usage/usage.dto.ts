import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { type UsageReport } from '@keyport/usage';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = 'must be a date as YYYY-MM-DD';

export class UsageQueryDto {
  @ApiProperty({ description: 'First day of the range, inclusive (UTC)', format: 'date', example: '2026-11-01' })
  @Matches(DAY, { message: DAY_MESSAGE })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE })
  from!: string;

  @ApiProperty({ description: 'Last day of the range, inclusive (UTC); at most 90 days counting both ends', format: 'date', example: '2026-11-30' })
  @Matches(DAY, { message: DAY_MESSAGE })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE })
  to!: string;

  @ApiPropertyOptional({ description: 'Only this key (one of yours, revoked ones included)', format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  keyId?: string;
}

export class UsageItemDto {
  @ApiProperty({ description: 'UTC day', format: 'date', example: '2026-11-25' })
  date!: string;

  @ApiProperty({ description: 'Key the requests were made with', format: 'uuid' })
  keyId!: string;

  @ApiProperty({ description: 'Requests the gateway admitted that day with that key', type: 'integer', minimum: 0, example: 1200 })
  requests!: number;
}

export class QuotaStatusDto {
  @ApiProperty({
    description: "Requests allowed per period: the tier's (or your own) quota plus what an admin granted this period",
    type: 'integer',
    minimum: 0,
    example: 1000000,
  })
  limit!: number;

  @ApiProperty({ description: 'Quota period (UTC boundaries, weeks start on Monday)', enum: ['DAY', 'WEEK', 'MONTH'] })
  period!: 'DAY' | 'WEEK' | 'MONTH';

  @ApiProperty({
    description: 'Requests counted this period: of the asked key with its rotation predecessors, or without keyId of your live key closest to its limit',
    type: 'integer',
    minimum: 0,
    example: 1200,
  })
  used!: number;

  @ApiProperty({ description: 'Requests left this period (never negative)', type: 'integer', minimum: 0, example: 998800 })
  remaining!: number;

  @ApiProperty({ description: 'When the period ends and the count starts again', format: 'date-time', example: '2026-12-01T00:00:00.000Z' })
  resetsAt!: string;
}

export class UsageDto {
  @ApiProperty({ type: [UsageItemDto], description: 'Requests per day and key, oldest day first; days without requests are left out' })
  items!: UsageItemDto[];

  @ApiProperty({ type: QuotaStatusDto, description: 'Where the quota stands now (up to a few seconds behind the gateway)' })
  quota!: QuotaStatusDto;

  static from(report: UsageReport): UsageDto {
    return {
      items: report.items.map((item) => ({ date: item.day, keyId: item.keyId, requests: item.requests })),
      quota: { ...report.quota, resetsAt: report.quota.resetsAt.toISOString() },
    };
  }
}
