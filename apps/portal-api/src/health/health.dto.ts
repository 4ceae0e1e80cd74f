import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LiveDto {
  @ApiProperty({ description: 'Always `ok` when the process answers', enum: ['ok'] })
  status!: 'ok';
}

export class ReadyDto {
  @ApiProperty({ description: '`ok` when every dependency answers', enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({
    description: 'Each dependency (database, identity, gateway) and whether it answered',
    type: 'object',
    additionalProperties: { type: 'string', enum: ['ok', 'unavailable'] },
    example: { database: 'ok', identity: 'ok', gateway: 'ok' },
  })
  checks!: Record<string, string>;

  @ApiPropertyOptional({ description: 'The gateway driver: name, key capacity and sync backlog', type: Object })
  gateway?: object;
}
