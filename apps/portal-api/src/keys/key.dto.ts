import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { type ApiKey, type IssuedApiKey, MAX_GRACE_SECONDS } from '@keyport/keys';

export class CreateKeyDto {
  @ApiProperty({ description: 'A name to tell keys apart', example: 'production' })
  @IsString()
  @Length(1, 100)
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'must not contain control characters' })
  name!: string;
}

export class RotateKeyDto {
  @ApiPropertyOptional({
    description: 'Seconds the old key keeps working (default 86400, at most 604800; 0 revokes it now)',
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

  @ApiProperty({ description: 'provisioning until the gateway has the key', enum: ['provisioning', 'active', 'revoked'] })
  status!: 'provisioning' | 'active' | 'revoked';

  @ApiProperty({ description: 'When the key was created' })
  createdAt!: string;

  @ApiPropertyOptional({ description: 'When a rotated key stops working', nullable: true, type: String })
  expiresAt!: string | null;

  @ApiPropertyOptional({ description: 'When the key was revoked', nullable: true, type: String })
  revokedAt!: string | null;

  @ApiPropertyOptional({ description: 'The key this one replaced by rotation', nullable: true, type: String })
  rotatedFromId!: string | null;

  static from(key: ApiKey): KeyDto {
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      last4: key.last4,
      status: key.status.toLowerCase() as KeyDto['status'],
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
