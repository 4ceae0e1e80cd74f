import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { type GrantResult } from '@keyport/developers';

export const MAX_QUOTA = 2_000_000_000;

export class SetQuotaDto {
  @ApiProperty({ description: 'Requests allowed per period', type: 'integer', minimum: 1, maximum: MAX_QUOTA, example: 5000000 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUOTA)
  limit!: number;

  @ApiProperty({ description: 'Quota period (UTC boundaries; weeks start on Monday)', enum: ['DAY', 'WEEK', 'MONTH'] })
  @IsIn(['DAY', 'WEEK', 'MONTH'])
  period!: 'DAY' | 'WEEK' | 'MONTH';
}

export class GrantDto {
  @ApiProperty({
    description: 'Requests to add to every key’s remaining quota, for the current period only',
    type: 'integer',
    minimum: 1,
    maximum: MAX_QUOTA,
    example: 10000,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_QUOTA)
  requests!: number;
}

export class GrantResultDto {
  @ApiProperty({ description: 'Start of the period the grant applies to', format: 'date-time' })
  periodStart!: string;

  @ApiProperty({ description: 'When the grant lapses with the quota reset', format: 'date-time' })
  periodEnd!: string;

  @ApiProperty({ description: 'All requests granted for this period, this grant included', type: 'integer', minimum: 0, example: 10000 })
  grantedThisPeriod!: number;

  static from(result: GrantResult): GrantResultDto {
    return {
      periodStart: result.periodStart.toISOString(),
      periodEnd: result.periodEnd.toISOString(),
      grantedThisPeriod: result.grantedThisPeriod,
    };
  }
}
