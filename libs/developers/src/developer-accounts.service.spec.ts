import { describe, expect, it } from 'vitest';
import { notFound } from '@keyport/common';
import { type KeysService } from '@keyport/keys';
import { DEFAULT_TIERS, type TiersService } from '@keyport/tiers';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type BillingAccount, type Developer } from './developer';
import { DeveloperAccountsService } from './developer-accounts.service';
import { type DeveloperCursor, developerCursor } from './developer-page';
import { type DevelopersRepository } from './developers.repository';
import { type QuotaGrantsRepository } from './quota-grants.repository';

const STANDARD = DEFAULT_TIERS.find((tier) => tier.slug === 'standard')!;
const ACCOUNT: BillingAccount = { developerId: 'dev-1', email: 'ada@example.com', tierSlug: 'standard', customerId: 'cus_1' };
/** Three developers in sign-up order. */
const STORED = ['dev-1', 'dev-2', 'dev-3'].map((id, i) => developerFixture({ id, createdAt: new Date(Date.UTC(2026, 0, 1 + i)) }));

function world(stored: Developer[] = STORED) {
  const developers = strictFake<DevelopersRepository>('DevelopersRepository', {
    findById: recorder(async (id: string) => stored.find((developer) => developer.id === id) ?? null),
    findRecent: recorder(async (id: string) => stored.find((developer) => developer.id === id) ?? null),
    lock: recorder(async (id: string) => stored.find((developer) => developer.id === id) ?? null),
    page: recorder(async (_filter: unknown, after: DeveloperCursor | null, limit: number) =>
      stored.filter((developer) => !after || developer.createdAt > after.createdAt).slice(0, limit),
    ),
    idsWithQuotaOverride: recorder(async () => ['dev-1', 'dev-3']),
    activeAmong: recorder(async (ids: readonly string[]) => new Set(ids.filter((id) => id !== 'dev-2'))),
    billingAccount: recorder(async (id: string) => (id === 'dev-1' ? ACCOUNT : null)),
    developerOfCustomer: recorder(async () => 'dev-1'),
    attachCustomer: recorder(async () => 'cus_first'),
  });
  const grants = strictFake<QuotaGrantsRepository>('QuotaGrantsRepository', { grantedFor: recorder(async () => 250) });
  const tiers = strictFake<TiersService>('TiersService', {
    get: recorder(async (slug: string) => {
      if (slug !== 'standard') throw notFound('Tier', 'TIER_NOT_FOUND');
      return STANDARD;
    }),
  });
  const keys = strictFake<KeysService>('KeysService', { syncLiveKeys: recorder(async () => undefined) });
  return { service: new DeveloperAccountsService(developers, grants, tiers, keys), developers, grants, tiers, keys };
}

describe('DeveloperAccountsService', () => {
  it('says which of many developers are active, asking once for each id', async () => {
    const { service, developers } = world();
    expect(await service.activeAmong(['dev-1', 'dev-2', 'dev-1'])).toEqual(new Set(['dev-1']));
    expect(developers.activeAmong).toHaveProperty('calls', [[['dev-1', 'dev-2']]]);
  });

  it('reads a developer fresh, recently or locked; `get` answers NOT_FOUND where `find` answers null', async () => {
    const { service, developers } = world();
    expect(await service.find('dev-2')).toBe(STORED[1]);
    expect(await service.find('nobody')).toBeNull();
    expect(await service.findRecent('dev-2')).toBe(STORED[1]);
    expect(await service.lock('dev-3')).toBe(STORED[2]);
    expect(await service.get('dev-1')).toBe(STORED[0]);
    await expect(service.get('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(developers.findRecent).toHaveProperty('calls', [['dev-2']]);
    expect(developers.lock).toHaveProperty('calls', [['dev-3']]);
  });

  it('pages by asking one row more than the limit, and gives a cursor only when more remain', async () => {
    const { service, developers } = world();
    const first = await service.page({ tier: 'standard' }, undefined, 2);
    expect(first.items.map((developer) => developer.id)).toEqual(['dev-1', 'dev-2']);
    expect(first.nextCursor).toBe(developerCursor.encode({ createdAt: STORED[1]!.createdAt, id: 'dev-2' }));
    expect(developers.page).toHaveProperty('calls', [[{ tier: 'standard' }, null, 3]]);

    const last = await service.page({}, first.nextCursor!, 2);
    expect(last.items.map((developer) => developer.id)).toEqual(['dev-3']);
    expect(last.nextCursor).toBeNull();
    expect(developers.page).toHaveProperty('calls.1.1', { createdAt: STORED[1]!.createdAt, id: 'dev-2' });
  });

  it('answers an exactly full last page without a cursor', async () => {
    const { service } = world();
    expect((await service.page({}, undefined, 3)).nextCursor).toBeNull();
  });

  it('refuses a cursor it did not make (400 on `cursor`) without reading', async () => {
    const { service, developers } = world();
    await expect(service.page({}, 'not-a-cursor', 2)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'cursor', message: 'must be a cursor returned by this route' }],
    });
    expect(developers.page).toHaveProperty('calls', []);
  });

  it("gives the developer's own quota when an admin set one, else the tier's; a vanished tier is TIER_NOT_FOUND", async () => {
    const { service } = world();
    expect(await service.quotaOf(developerFixture())).toEqual({ limit: 1_000_000, period: 'MONTH' });
    expect(await service.quotaOf(developerFixture({ quotaOverride: { limit: 5, period: 'DAY' } }))).toEqual({ limit: 5, period: 'DAY' });
    await expect(service.quotaOf(developerFixture({ tierSlug: 'gone' }))).rejects.toMatchObject({ code: 'TIER_NOT_FOUND' });
  });

  it('sums the grants of the period it is asked', async () => {
    const { service, grants } = world();
    const start = new Date('2026-03-01T00:00:00Z');
    expect(await service.grantedFor('dev-1', start)).toBe(250);
    expect(grants.grantedFor).toHaveProperty('calls', [['dev-1', start]]);
  });

  it('re-syncs the live keys of each developer with a quota of their own on the tier, and only theirs', async () => {
    const { service, developers, keys } = world();
    await service.syncKeysOfOwnQuotaDevelopers('standard', 'tier-edit');
    expect(developers.idsWithQuotaOverride).toHaveProperty('calls', [['standard']]);
    expect(keys.syncLiveKeys).toHaveProperty('calls', [
      ['dev-1', 'tier-edit'],
      ['dev-3', 'tier-edit'],
    ]);
  });

  it('reads the billing account (NOT_FOUND for no developer) and passes the Stripe customer calls through', async () => {
    const { service, developers } = world();
    expect(await service.billingAccount('dev-1')).toBe(ACCOUNT);
    await expect(service.billingAccount('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await service.developerOfCustomer('cus_1')).toBe('dev-1');
    expect(await service.attachCustomer('dev-1', 'cus_second')).toBe('cus_first');
    expect(developers.developerOfCustomer).toHaveProperty('calls', [['cus_1']]);
    expect(developers.attachCustomer).toHaveProperty('calls', [['dev-1', 'cus_second']]);
  });
});
