import { describe, expect, it } from 'vitest';
import { type BillingService } from '@keyport/billing';
import { DomainError, ErrorKind } from '@keyport/common';
import { type DeveloperAccountsService } from '@keyport/developers';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { DeveloperTierService } from './developer-tier.service';

function world(refusal?: DomainError) {
  const effects: string[] = [];
  const billing = strictFake<BillingService>('BillingService', {
    adminChangeTier: recorder(async (_id: string, tier: string) => {
      effects.push(`adminChangeTier ${tier}`);
      if (refusal) throw refusal;
      return { tier };
    }),
  });
  const developers = strictFake<DeveloperAccountsService>('DeveloperAccountsService', {
    get: recorder(async (id: string) => (effects.push(`get ${id}`), developerFixture({ id, tierSlug: 'premium' }))),
  });
  return { service: new DeveloperTierService(billing, developers), effects };
}

describe('DeveloperTierService', () => {
  it("changes the tier through billing's rule, then answers the developer as they now are", async () => {
    const { service, effects } = world();
    expect(await service.change('dev-1', 'premium')).toMatchObject({ id: 'dev-1', tierSlug: 'premium' });
    expect(effects).toEqual(['adminChangeTier premium', 'get dev-1']);
  });

  it("passes billing's refusal on (an unknown tier's 400) and reads nothing", async () => {
    const refusal = new DomainError(ErrorKind.ValidationFailed, 'Invalid request', { details: [{ field: 'tierSlug', message: 'must be an existing tier' }] });
    const { service, effects } = world(refusal);
    await expect(service.change('dev-1', 'gold')).rejects.toBe(refusal);
    expect(effects).toEqual(['adminChangeTier gold']);
  });
});
