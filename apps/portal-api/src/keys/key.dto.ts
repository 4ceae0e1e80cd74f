import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { type ApiKey, type IssuedApiKey, MAX_GRACE_SECONDS, presentedStatus } from '@keyport/keys';

export class CreateKeyDto {
  @ApiProperty({ description: 'A name to tell keys apart (no control characters)', example: 'production', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'must not contain control characters' })
  name!: string;

  @ApiPropertyOptional({
    description: 'When the key stops working (ISO 8601 date-time, in the future, at most one year ahead); by default it never expires',
    type: String,
    format: 'date-time',
    example: '2027-01-31T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  expiresAt?: string;
}

export class RotateKeyDto {
  // The default is told, not declared: openapi-typescript would make a body field with a `default` required.
  @ApiPropertyOptional({
    description: 'Seconds the old key keeps working (default 86400; 0 revokes it now)',
    type: 'integer',
    minimum: 0,
    maximum: MAX_GRACE_SECONDS,
    example: 86400,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_GRACE_SECONDS)
  gracePeriodSeconds?: number;
}

export class KeyDto {
  @ApiProperty({ description: 'Key id', format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Name given at creation', example: 'production' })
  name!: string;

  @ApiProperty({ description: 'First characters of the value, to recognise it', example: 'kpA1b2C3' })
  prefix!: string;

  @ApiProperty({ description: 'Last four characters of the value', example: 'x9Zq' })
  last4!: string;

  @ApiProperty({
    description: 'provisioning until the gateway has the key; expired once `expiresAt` has passed (the gateway refuses it from that instant)',
    enum: ['provisioning', 'active', 'revoked', 'expired'],
  })
  status!: 'provisioning' | 'active' | 'revoked' | 'expired';

  @ApiProperty({ description: 'When the key was created', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    description:
      "When the key stops working: the expiry chosen at creation (kept by rotation), or the end of a rotated key's grace; null when it never expires",
    nullable: true,
    type: String,
    format: 'date-time',
  })
  expiresAt!: string | null;

  @ApiProperty({ description: 'When the key was revoked; null while it is live', nullable: true, type: String, format: 'date-time' })
  revokedAt!: string | null;

  @ApiProperty({ description: 'The key this one replaced by rotation; null for a first key', nullable: true, type: String, format: 'uuid' })
  rotatedFromId!: string | null;

  static from(key: ApiKey): KeyDto {
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      last4: key.last4,
      status: presentedStatus(key, new Date()).toLowerCase() as KeyDto['status'],
      createdAt: key.createdAt.toISOString(),
      expiresAt: key.expiresAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
      rotatedFromId: key.rotatedFromId,
    };
  }
}

export class IssuedKeyDto extends KeyDto {
  @ApiProperty({ description: 'The key value: shown this once, store it now', example: 'kp...' })
  value!: string;

  static fromIssued(issued: IssuedApiKey): IssuedKeyDto {
    return { ...KeyDto.from(issued.key), value: issued.value };
  }
}

export class KeyListDto {
  @ApiProperty({ type: [KeyDto], description: 'Your keys, oldest first, revoked ones included' })
  items!: KeyDto[];
}
