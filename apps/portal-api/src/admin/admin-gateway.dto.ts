import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class UsageSyncDto {
  @ApiPropertyOptional({ description: 'Recent days to read again (default USAGE_SYNC_DAYS, at most 90)', example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  days?: number;
}

export class UsageSyncResultDto {
  @ApiProperty({ description: 'First day read (UTC)', example: '2026-11-23' })
  from!: string;

  @ApiProperty({ description: 'Last day read (UTC)', example: '2026-11-25' })
  to!: string;

  @ApiProperty({ description: 'Usage plans read' })
  plans!: number;

  @ApiProperty({ description: 'Key-days with requests written to the daily usage store' })
  rows!: number;

  @ApiProperty({ description: 'Gateway keys with usage that Keyport does not know' })
  unknownKeys!: number;
}
