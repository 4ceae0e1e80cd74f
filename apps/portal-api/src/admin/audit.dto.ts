import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { type AuditEntry, type AuditPage } from '@keyport/audit';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Id of the actor (a developer or admin id)', minLength: 1, maxLength: 254 })
  @IsOptional()
  @IsString()
  @Length(1, 254)
  actor?: string;

  @ApiPropertyOptional({ description: 'Id of the target (developer id, key id, tier slug or e-mail)', minLength: 1, maxLength: 254 })
  @IsOptional()
  @IsString()
  @Length(1, 254)
  target?: string;

  @ApiPropertyOptional({ description: 'Action, e.g. `developer.suspended`', minLength: 1, maxLength: 100, example: 'key.created' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  action?: string;

  @ApiPropertyOptional({ description: 'Entries at or after this time', format: 'date-time', example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Entries before this time', format: 'date-time', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page', minLength: 1, maxLength: 32 })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Entries per page', type: 'integer', minimum: 1, maximum: 500, default: 100, example: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AuditPartyDto {
  @ApiProperty({ description: 'developer, admin, system or anonymous (actors); developer, api_key, tier, email (targets)', nullable: true, type: String })
  type!: string | null;

  @ApiProperty({ description: 'Id of the party; null for an anonymous actor', nullable: true, type: String })
  id!: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Entry id; grows with every entry' })
  id!: string;

  @ApiProperty({ description: 'When it happened', format: 'date-time' })
  at!: string;

  @ApiProperty({ type: AuditPartyDto, description: 'Who acted' })
  actor!: AuditPartyDto;

  @ApiProperty({ description: 'What was done', example: 'developer.suspended' })
  action!: string;

  @ApiProperty({ type: AuditPartyDto, description: 'What it was done to' })
  target!: AuditPartyDto;

  @ApiProperty({ description: 'State before (the fields that changed); null when there was none', nullable: true, type: 'object', additionalProperties: true })
  before!: unknown;

  @ApiProperty({ description: 'State after (the fields that changed); null when there is none', nullable: true, type: 'object', additionalProperties: true })
  after!: unknown;

  @ApiProperty({ description: 'Id of the HTTP request (the `x-request-id` header); null for work done outside a request', nullable: true, type: String })
  requestId!: string | null;

  static from(entry: AuditEntry): AuditEntryDto {
    return {
      id: entry.id,
      at: entry.at.toISOString(),
      actor: { type: entry.actorType, id: entry.actorId },
      action: entry.action,
      target: { type: entry.targetType, id: entry.targetId },
      before: entry.before,
      after: entry.after,
      requestId: entry.requestId,
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto], description: 'Entries, newest first' })
  items!: AuditEntryDto[];

  @ApiProperty({ description: 'Pass as `cursor` for older entries; null on the last page', nullable: true, type: String })
  nextCursor!: string | null;

  static from(page: AuditPage): AuditPageDto {
    return { items: page.items.map((entry) => AuditEntryDto.from(entry)), nextCursor: page.nextCursor };
  }
}
