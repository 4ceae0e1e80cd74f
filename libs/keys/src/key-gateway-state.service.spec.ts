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
});
