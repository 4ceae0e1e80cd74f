import { type ArgumentMetadata } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { type DomainError } from '@keyport/common';
import { SignUpDto } from '../auth/auth.dto';
import { CreateKeyDto } from '../keys/key.dto';
import { UsageQueryDto } from '../usage/usage.dto';
import { createValidationPipe } from './validation.pipe';

const pipe = createValidationPipe();

async function details(metatype: ArgumentMetadata['metatype'], value: unknown, type: ArgumentMetadata['type'] = 'body') {
  const error = (await pipe.transform(value, { type, metatype }).then(
    () => undefined,
    (e: unknown) => e,
  )) as DomainError | undefined;
  return error?.details;
}

describe('validation messages', () => {
  it('say one true thing per field: an empty name is too short, not full of control characters', async () => {
    expect(await details(CreateKeyDto, { name: '' })).toEqual([{ field: 'name', message: 'must be longer than or equal to 1 characters' }]);
    expect(await details(CreateKeyDto, { name: 'tab\there' })).toEqual([{ field: 'name', message: 'must not contain control characters' }]);
    expect(await details(CreateKeyDto, { name: 7 })).toEqual([{ field: 'name', message: 'must be a string' }]);
  });

  it('call a missing field required, once, and nothing else', async () => {
    expect(await details(UsageQueryDto, {}, 'query')).toEqual([
      { field: 'from', message: 'is required' },
      { field: 'to', message: 'is required' },
    ]);
    expect(await details(SignUpDto, {})).toEqual([
      { field: 'email', message: 'is required' },
      { field: 'password', message: 'is required' },
    ]);
    expect(await details(UsageQueryDto, { from: '2026-13-01', to: 'yesterday' }, 'query')).toEqual([
      { field: 'from', message: 'must be a date as YYYY-MM-DD' },
      { field: 'to', message: 'must be a date as YYYY-MM-DD' },
    ]);
  });

  it('name an unknown field once, and never echo a value', async () => {
    const found = await details(CreateKeyDto, { name: 'ok', secret: 'hunter2' });
    expect(found).toEqual([{ field: 'secret', message: 'property secret should not exist' }]);
    expect(JSON.stringify(found)).not.toContain('hunter2');
  });
});
