import { describe, expect, it } from 'vitest';
import { type DomainError } from '@keyport/common';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { DEFAULT_TIERS, type Tier } from './tier';
import { type TiersRepository } from './tiers.repository';
import { TiersService } from './tiers.service';

const STANDARD = DEFAULT_TIERS.find((tier) => tier.slug === 'standard')!;

function service(stored: Tier[]) {
  const tiers = strictFake<TiersRepository>('TiersRepository', {
    find: async (slug: string) => stored.find((tier) => tier.slug === slug) ?? null,
    insertMissing: recorder(async () => undefined),
  });
  return { service: new TiersService(tiers), tiers };
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  return (await promise.catch((error: unknown) => error)) as DomainError;
}

describe('TiersService', () => {
  it('finds a tier a client names, or answers 400 naming the field it came in', async () => {
    const { service: tiers } = service([STANDARD]);
    expect(await tiers.require('standard')).toBe(STANDARD);
    const error = await errorOf(tiers.require('gold', 'tierSlug'));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ field: 'tierSlug', message: 'must be an existing tier' }]);
  });

  it('answers TIER_NOT_FOUND for a tier Keyport itself refers to that is gone', async () => {
    const { service: tiers } = service([]);
    expect((await errorOf(tiers.get('standard'))).code).toBe('TIER_NOT_FOUND');
  });

  it('seeds the default tiers without overwriting existing ones (insertMissing)', async () => {
    const { service: tiers, tiers: repository } = service([]);
    await tiers.ensureDefaults();
    expect(repository.insertMissing).toHaveProperty('calls', [[DEFAULT_TIERS]]);
  });
});
