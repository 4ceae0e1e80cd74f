import { describe, expect, it } from 'vitest';
import { type PlanBindingsService } from '@keyport/api-gateway';
import { type AuditLog } from '@keyport/audit';
import { type Clock, type DomainError, RequestContext } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { type ApiKey, type KeysService } from '@keyport/keys';
import { type OutboxWriter } from '@keyport/outbox';
import { type Quota, type Tier, type TiersService } from '@keyport/tiers';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type Developer } from './developer';
import { DeveloperQuotaService } from './developer-quota.service';
import { type DevelopersRepository } from './developers.repository';
import { type QuotaGrantsRepository } from './quota-grants.repository';

const NOW = new Date('2026-03-18T10:00:00Z');
const STANDARD: Tier = {
  slug: 'standard',
  name: 'Standard',
  throttle: { rateLimit: 10, burstLimit: 20 },
  quota: { limit: 1000, period: 'MONTH' },
  stripePriceId: null,
};
const DEVELOPER: Developer = {
  id: 'dev-1',
  email: 'ada@example.com',
  tierSlug: 'standard',
  status: 'ACTIVE',
  suspendedReason: null,
  confirmedAt: NOW,
  quotaOverride: null,
  createdAt: NOW,
};
const liveKey = (id: string): ApiKey => ({
  id,
  developerId: 'dev-1',
  name: id,
  prefix: 'kpAAAA',
  last4: 'abcd',
  status: 'ACTIVE',
  lineageId: id,
  rotatedFromId: null,
  applicationId: null,
  expiresAt: null,
  revokedAt: null,
  gatewayKeyId: `gw-${id}`,
  createdAt: NOW,
});

function world(stored: Developer | null, options: { maxUsagePlans?: number; ownQuotas?: string[]; boundOwners?: string[]; grantedBefore?: number } = {}) {
  const transactions = new FakeTransactions();
  const outside: string[] = [];
  const checkInside = (what: string) => {
    if (!transactions.open) outside.push(what);
  };
  let current = stored;
  const developers = strictFake<DevelopersRepository>('DevelopersRepository', {
    lock: async () => current,
    lockUsagePlanCount: recorder(async () => checkInside('lockUsagePlanCount')),
    idsWithQuotaOverride: recorder(async () => options.ownQuotas ?? []),
    setQuotaOverride: recorder(async (_id: string, quota: Quota | null) => {
      checkInside('setQuotaOverride');
      current = { ...current!, quotaOverride: quota };
      return current;
    }),
  });
  const grants = strictFake<QuotaGrantsRepository>('QuotaGrantsRepository', {
    grantedFor: recorder(async () => options.grantedBefore ?? 0),
    insert: recorder(async () => {
      checkInside('grants.insert');
      return 42n;
    }),
  });
  const keys = strictFake<KeysService>('KeysService', {
    syncLiveKeys: recorder(async () => checkInside('syncLiveKeys')),
    listLive: async () => [liveKey('k1'), liveKey('k2')],
  });
  const tiers = strictFake<TiersService>('TiersService', { require: async () => STANDARD, list: async () => [STANDARD, { ...STANDARD, slug: 'premium' }] });
  const planBindings = strictFake<PlanBindingsService>('PlanBindingsService', {
    all: async () => (options.boundOwners ?? []).map((owner) => ({ owner, planId: `plan-${owner}` })),
  });
  const outbox = strictFake<OutboxWriter>('OutboxWriter', { enqueue: recorder(async () => checkInside('outbox')) });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async () => checkInside('audit')) });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const config = { maxUsagePlans: options.maxUsagePlans ?? 300 } as AppConfig;
  const service = new DeveloperQuotaService(developers, grants, keys, tiers, planBindings, outbox, audit, transactions.asTransactions(), clock, config);
  return { service, developers, grants, keys, outbox, audit, outside };
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  return (await promise.catch((error: unknown) => error)) as DomainError;
}

describe('DeveloperQuotaService', () => {
  it('sets an override, re-syncs the live keys and audits, inside the transaction', async () => {
    const { service, keys, audit, outside } = world(DEVELOPER);
    const after = await service.setOverride('dev-1', { limit: 50, period: 'DAY' });
    expect(after.quotaOverride).toEqual({ limit: 50, period: 'DAY' });
    expect(keys.syncLiveKeys).toHaveProperty('calls', [['dev-1', 'quota-override']]);
    expect(audit.record).toHaveProperty('calls', [
      [
        {
          action: 'developer.quota_overridden',
          targetType: 'developer',
          targetId: 'dev-1',
          before: { quota: null },
          after: { quota: { limit: 50, period: 'DAY' } },
        },
      ],
    ]);
    expect(outside).toEqual([]);
  });

  it('refuses a first override once the account has all its usage plans (USAGE_PLAN_LIMIT_REACHED), changing nothing', async () => {
    // 2 tiers + dev-2 and dev-3 (own quotas; dev-3 also bound) + dev-4 (bound, waiting for deletion) = 5; dev-1's own binding and the tier binding do not count.
    const plans = { ownQuotas: ['dev-2', 'dev-3'], boundOwners: ['developer:dev-3', 'developer:dev-4', 'developer:dev-1', 'tier:standard'] };
    const { service, developers, audit } = world(DEVELOPER, { ...plans, maxUsagePlans: 5 });
    const error = await errorOf(service.setOverride('dev-1', { limit: 50, period: 'DAY' }));
    expect(error.code).toBe('USAGE_PLAN_LIMIT_REACHED');
    expect(error.message).toContain('5 of 5 plans exist');
    expect(developers.lockUsagePlanCount).toHaveProperty('calls', [[]]);
    expect(developers.setQuotaOverride).toHaveProperty('calls', []);
    expect(audit.record).toHaveProperty('calls', []);
  });

  it('sets a first override while a usage plan is left', async () => {
    const plans = { ownQuotas: ['dev-2', 'dev-3'], boundOwners: ['developer:dev-3', 'developer:dev-4', 'developer:dev-1', 'tier:standard'] };
    const { service, developers, outside } = world(DEVELOPER, { ...plans, maxUsagePlans: 6 });
    await service.setOverride('dev-1', { limit: 50, period: 'DAY' });
    expect(developers.setQuotaOverride).toHaveProperty('calls', [['dev-1', { limit: 50, period: 'DAY' }]]);
    expect(outside).toEqual([]);
  });

  it('changes an existing override without counting plans: the developer has theirs already', async () => {
    const { service, developers } = world({ ...DEVELOPER, quotaOverride: { limit: 10, period: 'DAY' } }, { maxUsagePlans: 0 });
    await service.setOverride('dev-1', { limit: 20, period: 'DAY' });
    expect(developers.lockUsagePlanCount).toHaveProperty('calls', []);
    expect(developers.idsWithQuotaOverride).toHaveProperty('calls', []);
  });

  it('removes an override and queues the cleanup of the developer plan; without one it is NOT_FOUND', async () => {
    const { service, outbox } = world({ ...DEVELOPER, quotaOverride: { limit: 10, period: 'DAY' } });
    const after = await service.clearOverride('dev-1');
    expect(after.quotaOverride).toBeNull();
    expect(outbox.enqueue).toHaveProperty('calls', [
      ['plan:developer:dev-1', expect.objectContaining({ type: 'developer-plan.cleanup' }), { developerId: 'dev-1' }],
    ]);

    const { service: again } = world(DEVELOPER);
    expect((await errorOf(again.clearOverride('dev-1'))).code).toBe('NOT_FOUND');
  });

  it("grants requests for the current period of the effective quota, one outbox item per live key, and sums this period's grants", async () => {
    const { service, grants, outbox, audit, outside } = world(DEVELOPER, { grantedBefore: 100 });
    const result = await RequestContext.run({ requestId: 'r1', actor: { type: 'admin', id: 'boss' } }, () => service.grant('dev-1', 250));
    expect(result).toEqual({ periodStart: new Date('2026-03-01T00:00:00Z'), periodEnd: new Date('2026-04-01T00:00:00Z'), grantedThisPeriod: 350 });
    expect(grants.insert).toHaveProperty('calls', [
      [{ developerId: 'dev-1', periodStart: new Date('2026-03-01T00:00:00Z'), requests: 250, grantedBy: 'boss' }],
    ]);
    expect(outbox.enqueue).toHaveProperty('calls', [
      ['key:k1', expect.objectContaining({ type: 'quota.grant' }), { grantId: '42', keyId: 'k1', requests: 250 }],
      ['key:k2', expect.objectContaining({ type: 'quota.grant' }), { grantId: '42', keyId: 'k2', requests: 250 }],
    ]);
    expect(audit.record).toHaveProperty('calls.length', 1);
    expect(outside).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown developer', async () => {
    const { service } = world(null);
    expect((await errorOf(service.grant('nobody', 1))).code).toBe('NOT_FOUND');
  });
});
