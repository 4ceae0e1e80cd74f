import { describe, expect, it } from 'vitest';
import { apiKeyFixture } from '../../../test/support/api-key-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { KeyGatewayStateService } from './key-gateway-state.service';
import { type KeysRepository } from './keys.repository';

describe('KeyGatewayStateService', () => {
  it("answers gateway-sync from the keys table: a key revoked or not, its provisioning, and gateway ids' owners", async () => {
    const revoked = apiKeyFixture({ status: 'REVOKED' });
    const owners = new Map([['gw-key-1', { keyId: 'key-1', developerId: 'dev-1' }]]);
    const keys = strictFake<KeysRepository>('KeysRepository', {
      findById: recorder(async (keyId: string) => (keyId === 'key-1' ? revoked : null)),
      markProvisioned: recorder(async () => undefined),
      ownersByGatewayId: recorder(async () => owners),
    });
    const state = new KeyGatewayStateService(keys);
    expect(await state.find('key-1')).toBe(revoked);
    expect(await state.find('key-2')).toBeNull();
    await state.markProvisioned('key-1', 'gw-key-1');
    expect(keys.markProvisioned).toHaveProperty('calls', [['key-1', 'gw-key-1']]);
    expect(await state.ownersByGatewayId(['gw-key-1', 'gw-stray'])).toBe(owners);
    expect(keys.ownersByGatewayId).toHaveProperty('calls', [[['gw-key-1', 'gw-stray']]]);
  });

  it('answers the reconciler the live keys, and the keys behind gateway tags without asking for an id that is no UUID', async () => {
    const KEY_ID = '0b6f3c1e-2d4a-4b8e-9f10-1a2b3c4d5e6f';
    const state = { id: KEY_ID, developerId: 'dev-1', status: 'ACTIVE' as const, gatewayKeyId: 'gw-1' };
    const keys = strictFake<KeysRepository>('KeysRepository', {
      liveGatewayStates: recorder(async () => [state]),
      gatewayStatesByIds: recorder(async () => [state]),
    });
    const service = new KeyGatewayStateService(keys);
    expect(await service.live()).toEqual([state]);
    expect(await service.byIds([KEY_ID, 'not-a-key', "x' OR 1=1"])).toEqual([state]);
    expect(keys.gatewayStatesByIds).toHaveProperty('calls', [[[KEY_ID]]]);
  });
});
