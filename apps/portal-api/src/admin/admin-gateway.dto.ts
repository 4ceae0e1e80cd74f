import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class UsageSyncDto {
  @ApiPropertyOptional({ description: 'Recent days to read again (default USAGE_SYNC_DAYS)', type: 'integer', minimum: 1, maximum: 90, example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  days?: number;
}

export class UsageSyncResultDto {
  @ApiProperty({ description: 'First day read (UTC)', format: 'date', example: '2026-11-23' })
  from!: string;

  @ApiProperty({ description: 'Last day read (UTC)', format: 'date', example: '2026-11-25' })
  to!: string;

  @ApiProperty({ description: 'Usage plans read', type: 'integer', minimum: 0 })
  plans!: number;

  @ApiProperty({ description: 'Key-days with requests written to the daily usage store', type: 'integer', minimum: 0 })
  rows!: number;

  @ApiProperty({ description: 'Gateway keys with usage that Keyport does not know', type: 'integer', minimum: 0 })
  unknownKeys!: number;
}
