import { describe, expect, it } from 'vitest';
import { type BillingService, type BillingStatus } from '@keyport/billing';
import { type Clock, notFound } from '@keyport/common';
import { type Developer, type DeveloperAccountsService, type DeveloperPage } from '@keyport/developers';
import { type ApiKey, type KeysService } from '@keyport/keys';
import { type UsageReportsService } from '@keyport/reports';
import { type Quota } from '@keyport/tiers';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { DeveloperDirectoryService } from './developer-directory.service';

// A Wednesday: the week's quota window runs from Monday 16 to Monday 23 March.
const NOW = new Date('2026-03-18T10:00:00Z');
const KEYS = [{ id: 'k1' }] as ApiKey[];
const PAGE: DeveloperPage = { items: [developerFixture()], nextCursor: 'next' };

function world(options: { stored?: Developer | null; billingEnabled?: boolean; quota?: Quota } = {}) {
  const stored = options.stored === undefined ? developerFixture() : options.stored;
  const status = { enabled: options.billingEnabled ?? true, status: 'active', tier: 'standard' } as BillingStatus;
  const reports = strictFake<UsageReportsService>('UsageReportsService', { developerRequestsBetween: recorder(async () => 700) });
  const developers = strictFake<DeveloperAccountsService>('DeveloperAccountsService', {
    page: recorder(async () => PAGE),
    get: recorder(async () => {
      if (!stored) throw notFound('Developer');
      return stored;
    }),
    quotaOf: recorder(async (): Promise<Quota> => options.quota ?? { limit: 1000, period: 'WEEK' }),
    grantedFor: recorder(async () => 50),
  });
  const keys = strictFake<KeysService>('KeysService', { list: recorder(async () => KEYS) });
  const billing = strictFake<BillingService>('BillingService', { status: recorder(async () => status) });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const service = new DeveloperDirectoryService(reports, developers, keys, billing, clock);
  return { service, reports, developers, keys, billing, status };
}

describe('DeveloperDirectoryService', () => {
  it("lists the developers' page as the developers lib pages them", async () => {
    const { service, developers } = world();
    expect(await service.list({ status: 'ACTIVE' }, 'cursor', 20)).toBe(PAGE);
    expect(developers.page).toHaveProperty('calls', [[{ status: 'ACTIVE' }, 'cursor', 20]]);
  });

  it("counts this quota period's requests and grants, in the window of the developer's effective quota", async () => {
    const { service, reports, developers } = world();
    const monday = new Date('2026-03-16T00:00:00Z');
    const nextMonday = new Date('2026-03-23T00:00:00Z');
    expect(await service.usageThisPeriod(developerFixture())).toEqual({ period: 'WEEK', start: monday, end: nextMonday, used: 700, limit: 1000, granted: 50 });
    expect(reports.developerRequestsBetween).toHaveProperty('calls', [['dev-1', monday, nextMonday]]);
    expect(developers.grantedFor).toHaveProperty('calls', [['dev-1', monday]]);
  });

  it("gathers one developer's profile: the developer, their keys, their billing and this period's usage", async () => {
    const { service, keys, billing, status } = world({ quota: { limit: 5, period: 'DAY' } });
    const detail = await service.detail('dev-1');
    expect(detail).toEqual({
      developer: developerFixture(),
      keys: KEYS,
      billing: status,
      usage: { period: 'DAY', start: new Date('2026-03-18T00:00:00Z'), end: new Date('2026-03-19T00:00:00Z'), used: 700, limit: 5, granted: 50 },
    });
    expect(keys.list).toHaveProperty('calls', [['dev-1']]);
    expect(billing.status).toHaveProperty('calls', [['dev-1']]);
  });

  it('shows no billing while billing is off', async () => {
    const { service } = world({ billingEnabled: false });
    expect((await service.detail('dev-1')).billing).toBeNull();
  });

  it('answers NOT_FOUND for an unknown developer before reading keys or billing', async () => {
    const { service, keys, billing } = world({ stored: null });
    await expect(service.detail('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(keys.list).toHaveProperty('calls', []);
    expect(billing.status).toHaveProperty('calls', []);
  });
});
