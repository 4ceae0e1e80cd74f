import { describe, expect, it } from 'vitest';
import { type Clock, type DomainError, notFound } from '@keyport/common';
import { type Developer, type DeveloperAccountsService } from '@keyport/developers';
import { type ApiKey, type KeysService } from '@keyport/keys';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type UsageRepository } from './usage.repository';
import { UsageService } from './usage.service';

const NOW = new Date('2026-03-18T10:00:00Z');
const DEVELOPER = { id: 'dev-1', tierSlug: 'standard', quotaOverride: null } as Developer;
const key = (id: string, lineageId: string): ApiKey => ({
  id,
  developerId: 'dev-1',
  name: id,
  prefix: 'kpAAAA',
  last4: 'abcd',
  status: 'ACTIVE',
  lineageId,
  rotatedFromId: null,
  expiresAt: null,
  revokedAt: null,
  gatewayKeyId: null,
  createdAt: NOW,
});

/** Two live lineages: `a` used 700 this month (across a rotation), `b` 300; 100 requests granted. */
function world(options: { granted?: number } = {}) {
  const usage = strictFake<UsageRepository>('UsageRepository', {
    daily: recorder(async () => []),
    lineageTotals: recorder(
      async () =>
        new Map([
          ['a', 700],
          ['b', 300],
        ]),
    ),
  });
  const keys = strictFake<KeysService>('KeysService', {
    listLive: async () => [key('k1', 'a'), key('k2', 'a'), key('k3', 'b')],
    get: async (_developerId: string, keyId: string) => {
      if (keyId !== 'k3') throw notFound('Key');
      return key('k3', 'b');
    },
  });
  const developers = strictFake<DeveloperAccountsService>('DeveloperAccountsService', {
    quotaOf: async () => ({ limit: 1000, period: 'MONTH' }),
    grantedFor: recorder(async () => options.granted ?? 0),
  });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  return { service: new UsageService(usage, keys, developers, clock), usage, developers };
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  return (await promise.catch((error: unknown) => error)) as DomainError;
}

describe('UsageService', () => {
  it('reports the live lineage closest to its limit, with the grants of the period added to the limit', async () => {
    const { service, usage, developers } = world({ granted: 100 });
    const { quota } = await service.report(DEVELOPER, { from: '2026-03-01', to: '2026-03-18' });
    expect(quota).toEqual({ limit: 1100, period: 'MONTH', used: 700, remaining: 400, resetsAt: new Date('2026-04-01T00:00:00Z') });
    expect(usage.lineageTotals).toHaveProperty('calls', [['dev-1', '2026-03-01']]);
    expect(developers.grantedFor).toHaveProperty('calls', [['dev-1', new Date('2026-03-01T00:00:00Z')]]);
  });

  it("reports the asked key's own lineage, and a foreign key as NOT_FOUND", async () => {
    const { service, usage } = world();
    const { quota } = await service.report(DEVELOPER, { from: '2026-03-01', to: '2026-03-18', keyId: 'k3' });
    expect(quota).toMatchObject({ used: 300, remaining: 700 });
    expect(usage.daily).toHaveProperty('calls', [['dev-1', '2026-03-01', '2026-03-18', 'k3']]);
    expect((await errorOf(service.report(DEVELOPER, { from: '2026-03-01', to: '2026-03-18', keyId: 'other' }))).code).toBe('NOT_FOUND');
  });

  it('refuses a range that ends before it starts, or is longer than 90 days, naming `to`', async () => {
    const { service } = world();
    for (const range of [
      { from: '2026-03-02', to: '2026-03-01' },
      { from: '2026-01-01', to: '2026-04-01' },
    ]) {
      const error = await errorOf(service.report(DEVELOPER, range));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details?.[0]?.field).toBe('to');
    }
    // 90 days counting both ends is allowed.
    await expect(service.report(DEVELOPER, { from: '2026-01-01', to: '2026-03-31' })).resolves.toBeDefined();
  });
});
