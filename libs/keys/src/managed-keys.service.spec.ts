import { describe, expect, it } from 'vitest';
import { apiKeyFixture } from '../../../test/support/api-key-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type ApiKey } from './api-key';
import { type KeySealer } from './key-sealer';
import { type KeysRepository } from './keys.repository';
import { type KeysService } from './keys.service';
import { ManagedKeysService } from './managed-keys.service';

const MANAGED = apiKeyFixture({ id: 'key-m', applicationId: 'app-1' });

function world(live: Array<{ key: ApiKey; sealedValue: string | null }>) {
  const keys = strictFake<KeysRepository>('KeysRepository', {
    // The newest live managed key, as the repository orders them.
    liveManaged: async () => live.at(-1) ?? null,
    listLiveManaged: async () => live.map(({ key }) => key),
    applicationsWithLiveManagedKey: async () => new Set(['app-1']),
  });
  const lifecycle = strictFake<KeysService>('KeysService', {
    issueManaged: recorder(async () => undefined),
    rotateManaged: recorder(async () => undefined),
    revokeManaged: recorder(async () => undefined),
  });
  const sealer = strictFake<KeySealer>('KeySealer', { unseal: (sealed: string) => sealed.replace(/^sealed\((.*)\)$/, '$1') });
  return { service: new ManagedKeysService(keys, lifecycle, sealer), lifecycle };
}

describe('ManagedKeysService', () => {
  it("issues the key under the application's name, cut to the 100 characters a key name may have", async () => {
    const { service, lifecycle } = world([]);
    await service.create('dev-1', 'app-1', 'shop');
    await service.create('dev-1', 'app-2', 'x'.repeat(120));
    expect(lifecycle.issueManaged).toHaveProperty('calls', [
      ['dev-1', 'app-1', 'application: shop'],
      ['dev-1', 'app-2', `application: ${'x'.repeat(87)}`],
    ]);
  });

  it('rotates the live managed key with the grace of the secret, or issues one when the application has none', async () => {
    const rotating = world([{ key: MANAGED, sealedValue: 'sealed(v)' }]);
    await rotating.service.rotate('dev-1', 'app-1', 600);
    expect(rotating.lifecycle.rotateManaged).toHaveProperty('calls', [[MANAGED, 600]]);
    expect(rotating.lifecycle.issueManaged).toHaveProperty('calls', []);

    const missing = world([]);
    await missing.service.rotate('dev-1', 'app-1', 600);
    expect(missing.lifecycle.issueManaged).toHaveProperty('calls', [['dev-1', 'app-1', 'application: application']]);
    expect(missing.lifecycle.rotateManaged).toHaveProperty('calls', []);
  });

  it('revokes every live managed key of a deleted application, the one in its grace included', async () => {
    const successor = apiKeyFixture({ id: 'key-n', applicationId: 'app-1', rotatedFromId: 'key-m', lineageId: 'key-m' });
    const { service, lifecycle } = world([
      { key: MANAGED, sealedValue: null },
      { key: successor, sealedValue: 'sealed(v2)' },
    ]);
    await service.revoke('app-1');
    expect(lifecycle.revokeManaged).toHaveProperty('calls', [[MANAGED], [successor]]);
  });

  it('gives the newest live key unsealed to meter by, and null when there is none or its value is gone', async () => {
    expect(await world([{ key: MANAGED, sealedValue: 'sealed(kp-secret)' }]).service.current('app-1')).toEqual({ keyId: 'key-m', value: 'kp-secret' });
    expect(await world([{ key: MANAGED, sealedValue: null }]).service.current('app-1')).toBeNull();
    expect(await world([]).service.current('app-1')).toBeNull();
    expect(await world([]).service.applicationsWithKey()).toEqual(new Set(['app-1']));
  });
});
