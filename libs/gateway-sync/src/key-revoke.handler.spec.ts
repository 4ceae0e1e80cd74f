import { describe, expect, it } from 'vitest';
import { type GatewayDriver, type GatewayKey, GatewayNotFoundError, GatewayUnavailableError } from '@keyport/api-gateway';
import { type ApiKey, type KeyGatewayStateService } from '@keyport/keys';
import { apiKeyFixture } from '../../../test/support/api-key-fixture';
import { outboxItemFixture } from '../../../test/support/outbox-item-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type KeyPlacementsRepository } from './key-placements.repository';
import { KeyRevokeHandler } from './key-revoke.handler';

function world(key: ApiKey | null, options: { byName?: GatewayKey | null; disableFails?: Error } = {}) {
  const calls: string[] = [];
  const driver = strictFake<GatewayDriver>('GatewayDriver', {
    findApiKeyByName: recorder(async (name: string) => (calls.push(`find ${name}`), options.byName ?? null)),
    setApiKeyEnabled: async (id: string, enabled: boolean) => {
      calls.push(`enabled ${id} ${enabled}`);
      if (options.disableFails) throw options.disableFails;
    },
    deleteApiKey: async (id: string) => void calls.push(`delete ${id}`),
  });
  const keys = strictFake<KeyGatewayStateService>('KeyGatewayStateService', { find: async () => key });
  const placements = strictFake<KeyPlacementsRepository>('KeyPlacementsRepository', { forget: async (keyId: string) => void calls.push(`forget ${keyId}`) });
  return { handler: new KeyRevokeHandler(driver, keys, placements), calls };
}

describe('KeyRevokeHandler', () => {
  it('deletes the key at the gateway and forgets its placement', async () => {
    const { handler, calls } = world(apiKeyFixture({ status: 'REVOKED' }));
    await handler.handle(outboxItemFixture({ keyId: 'key-1' }));
    expect(calls).toEqual(['delete gw-key-1', 'forget key-1']);
  });

  it('disables an expired key first, so it stops working even if the deletion must wait for a retry', async () => {
    const { handler, calls } = world(apiKeyFixture({ status: 'REVOKED' }));
    await handler.handle(outboxItemFixture({ keyId: 'key-1', expired: true }));
    expect(calls).toEqual(['enabled gw-key-1 false', 'delete gw-key-1', 'forget key-1']);
  });

  it('finds by its gateway name a key revoked before its provisioning was recorded, and deletes it', async () => {
    const { handler, calls } = world(apiKeyFixture({ status: 'REVOKED', gatewayKeyId: null }), {
      byName: { id: 'gw-late', name: 'keyport-key-1', enabled: true, tags: {} },
    });
    await handler.handle(outboxItemFixture({ keyId: 'key-1' }));
    expect(calls).toEqual(['find keyport-key-1', 'delete gw-late', 'forget key-1']);
    const never = world(null);
    await never.handler.handle(outboxItemFixture({ keyId: 'key-1' }));
    expect(never.calls).toEqual(['find keyport-key-1', 'forget key-1']);
  });

  it('takes a key already gone when disabling as success, and lets any other failure through for a retry', async () => {
    const gone = world(apiKeyFixture(), { disableFails: new GatewayNotFoundError('no such key') });
    await gone.handler.handle(outboxItemFixture({ keyId: 'key-1', expired: true }));
    expect(gone.calls.at(-1)).toBe('forget key-1');
    const slow = world(apiKeyFixture(), { disableFails: new GatewayUnavailableError('throttled') });
    await expect(slow.handler.handle(outboxItemFixture({ keyId: 'key-1', expired: true }))).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(slow.calls).toEqual(['enabled gw-key-1 false']);
  });
});
