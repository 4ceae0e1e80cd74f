import { describe, expect, it } from 'vitest';
import { type GatewayDriver, type GatewayKey, type GatewayKeySpec, GatewayNotFoundError, GatewayUnavailableError } from '@keyport/api-gateway';
import { type Clock } from '@keyport/common';
import { type Developer, type DeveloperAccountsService } from '@keyport/developers';
import { type ApiKey, type KeyGatewayStateService, type KeySealer } from '@keyport/keys';
import { PermanentOutboxError } from '@keyport/outbox';
import { apiKeyFixture } from '../../../test/support/api-key-fixture';
import { developerFixture } from '../../../test/support/developer-fixture';
import { outboxItemFixture } from '../../../test/support/outbox-item-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type KeyPlacement, type KnownPlacement, type PlacedKey } from './key-placement';
import { type KeyPlacementsRepository, type RecordedPlacement } from './key-placements.repository';
import { KeyProvisionHandler } from './key-provision.handler';

const NOW = new Date('2026-12-17T10:00:00Z');
const NEW_KEY = apiKeyFixture({ id: 'key-2', status: 'PROVISIONING', gatewayKeyId: null, lineageId: 'key-1' });

function world(
  stored: ApiKey[],
  options: { developer?: Developer | null; existing?: GatewayKey | null; oldPlacement?: RecordedPlacement | null; carryFails?: Error } = {},
) {
  const calls: string[] = [];
  const driver = strictFake<GatewayDriver>('GatewayDriver', {
    findApiKeyByName: recorder(async () => options.existing ?? null),
    createApiKey: recorder(async (spec: GatewayKeySpec) => ({ id: 'gw-new', name: spec.name, enabled: spec.enabled, tags: spec.tags })),
    carryOverQuota: async (planId: string, from: string, to: string, periodStart: string) => {
      calls.push(`carry ${planId} ${from}->${to} since ${periodStart}`);
      if (options.carryFails) throw options.carryFails;
    },
  });
  const keys = strictFake<KeyGatewayStateService>('KeyGatewayStateService', {
    find: async (keyId: string) => stored.find((key) => key.id === keyId) ?? null,
    markProvisioned: async (keyId: string, gatewayKeyId: string) => void calls.push(`provisioned ${keyId} ${gatewayKeyId}`),
  });
  const developers = strictFake<DeveloperAccountsService>('DeveloperAccountsService', {
    find: async () => (options.developer === undefined ? developerFixture() : options.developer),
  });
  const sealer = strictFake<KeySealer>('KeySealer', { unseal: (sealed: string) => sealed.replace(/^sealed\((.*)\)$/, '$1') });
  const placement = strictFake<KeyPlacement>('KeyPlacement', {
    place: recorder(async (key: PlacedKey, _known?: KnownPlacement) => {
      calls.push(`place ${key.id} ${key.gatewayKeyId}`);
      return { planId: 'plan-tier', quota: { limit: 1000, period: 'MONTH' as const } };
    }),
  });
  const placements = strictFake<KeyPlacementsRepository>('KeyPlacementsRepository', { find: async () => options.oldPlacement ?? null });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const handler = new KeyProvisionHandler(driver, keys, developers, sealer, placement, placements, clock);
  return { handler, calls, driver, placement };
}

describe('KeyProvisionHandler', () => {
  it('creates the key at the gateway with its unsealed value and tags, places it, then marks it provisioned', async () => {
    const key = apiKeyFixture({ ...NEW_KEY, expiresAt: new Date('2027-01-01T00:00:00Z'), applicationId: 'app-1' });
    const { handler, calls, driver, placement } = world([key]);
    await handler.handle(outboxItemFixture({ keyId: 'key-2', sealedValue: 'sealed(kp-secret)' }));
    expect(driver.createApiKey).toHaveProperty('calls', [
      [
        {
          name: 'keyport-key-2',
          value: 'kp-secret',
          enabled: true,
          tags: {
            'keyport:key': 'key-2',
            'keyport:developer': 'dev-1',
            'keyport:lineage': 'key-1',
            'keyport:expires': '2027-01-01T00:00:00.000Z',
            'keyport:application': 'app-1',
          },
        },
      ],
    ]);
    // A first attempt looks nothing up: nothing can exist yet.
    expect(driver.findApiKeyByName).toHaveProperty('calls', []);
    expect(placement.place).toHaveProperty('calls', [
      [
        { id: 'key-2', gatewayKeyId: 'gw-new', developerId: 'dev-1' },
        { planIds: [], enabled: true },
      ],
    ]);
    expect(calls).toEqual(['place key-2 gw-new', 'provisioned key-2 gw-new']);
  });

  it("creates a suspended developer's key disabled", async () => {
    const { handler, driver } = world([NEW_KEY], { developer: developerFixture({ status: 'SUSPENDED' }) });
    await handler.handle(outboxItemFixture({ keyId: 'key-2', sealedValue: 'sealed(v)' }));
    expect(driver.createApiKey).toHaveProperty('calls', [[expect.objectContaining({ enabled: false })]]);
  });

  it('on a retry, takes the key a failed attempt already created instead of creating another', async () => {
    const existing = { id: 'gw-earlier', name: 'keyport-key-2', enabled: true, tags: {} };
    const { handler, calls, driver, placement } = world([NEW_KEY], { existing });
    await handler.handle(outboxItemFixture({ keyId: 'key-2', sealedValue: 'sealed(v)' }, 2));
    expect(driver.findApiKeyByName).toHaveProperty('calls', [['keyport-key-2']]);
    expect(driver.createApiKey).toHaveProperty('calls', []);
    // What the gateway holds is unknown: the placement reads it.
    expect(placement.place).toHaveProperty('calls', [[expect.objectContaining({ gatewayKeyId: 'gw-earlier' }), undefined]]);
    expect(calls.at(-1)).toBe('provisioned key-2 gw-earlier');
  });

  it('carries the quota a rotated key has used over to its successor in the same plan', async () => {
    const old = apiKeyFixture({ id: 'key-1' });
    const successor = { ...NEW_KEY, rotatedFromId: 'key-1' };
    const same = world([old, successor], { oldPlacement: { keyId: 'key-1', gatewayKeyId: 'gw-key-1', planId: 'plan-tier', enabled: true } });
    await same.handler.handle(outboxItemFixture({ keyId: 'key-2', sealedValue: 'sealed(v)' }));
    expect(same.calls).toEqual(['place key-2 gw-new', 'carry plan-tier gw-key-1->gw-new since 2026-12-01', 'provisioned key-2 gw-new']);

    const moved = world([old, successor], { oldPlacement: { keyId: 'key-1', gatewayKeyId: 'gw-key-1', planId: 'plan-other', enabled: true } });
    await moved.handler.handle(outboxItemFixture({ keyId: 'key-2', sealedValue: 'sealed(v)' }));
    expect(moved.calls).toEqual(['place key-2 gw-new', 'provisioned key-2 gw-new']);

    const oldGone = world([old, successor], { carryFails: new GatewayNotFoundError('no usage') });
    await oldGone.handler.handle(outboxItemFixture({ keyId: 'key-2', sealedValue: 'sealed(v)' }));
    expect(oldGone.calls.at(-1)).toBe('provisioned key-2 gw-new');
    // Any other failure is retried: the key is not marked provisioned with its quota reset.
    const throttled = world([old, successor], { carryFails: new GatewayUnavailableError('slow down') });
    await expect(throttled.handler.handle(outboxItemFixture({ keyId: 'key-2', sealedValue: 'sealed(v)' }))).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(throttled.calls.some((call) => call.startsWith('provisioned'))).toBe(false);
  });

  it('skips a key revoked before it reached the gateway, and parks items that can never work', async () => {
    const revoked = world([{ ...NEW_KEY, status: 'REVOKED' }]);
    await revoked.handler.handle(outboxItemFixture({ keyId: 'key-2', sealedValue: 'sealed(v)' }));
    expect(revoked.calls).toEqual([]);
    for (const [stored, developer, sealedValue] of [
      [[], developerFixture(), 'sealed(v)'],
      [[NEW_KEY], null, 'sealed(v)'],
      [[NEW_KEY], developerFixture(), undefined],
    ] as const) {
      const { handler, calls } = world([...stored], { developer });
      await expect(handler.handle(outboxItemFixture({ keyId: 'key-2', sealedValue }))).rejects.toBeInstanceOf(PermanentOutboxError);
      expect(calls).toEqual([]);
    }
  });
});
