import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

/**
 * An account's e-mail address in a request body: documented, validated (a TLD is not required, so
 * `admin@localhost` signs in) and bounded the same way everywhere. Declared on each DTO rather than
 * inherited, so each body's errors come in the order of its fields.
 */
export function EmailProperty(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, format: 'email', maxLength: 254, example: 'dev@example.com' }),
    IsEmail({ require_tld: false }),
    MaxLength(254),
  );
}
