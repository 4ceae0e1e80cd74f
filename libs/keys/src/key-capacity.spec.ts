import { describe, expect, it } from 'vitest';
import { type AppConfig } from '@keyport/config';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { KeyCapacity } from './key-capacity';
import { type KeysRepository } from './keys.repository';

function capacity(gatewayDriver: 'aws' | 'local', live: number) {
  const effects: string[] = [];
  const keys = strictFake<KeysRepository>('KeysRepository', {
    lockKeyCapacity: recorder(async () => void effects.push('lock')),
    countLive: recorder(async () => (effects.push('count'), live)),
  });
  const config = { gatewayDriver, aws: { maxApiKeys: 10, region: 'eu-west-1' } } as AppConfig;
  return { capacity: new KeyCapacity(keys, config), effects };
}

describe('KeyCapacity', () => {
  it("refuses the key that would pass the AWS account's limit (KEY_CAPACITY_REACHED), counting under the lock", async () => {
    const full = capacity('aws', 10);
    await expect(full.capacity.ensureRoom()).rejects.toMatchObject({ kind: 'CONFLICT', code: 'KEY_CAPACITY_REACHED' });
    expect(full.effects).toEqual(['lock', 'count']);
    await expect(capacity('aws', 9).capacity.ensureRoom()).resolves.toBeUndefined();
  });

  it('has no limit on the local driver, and neither locks nor counts for a creation', async () => {
    const local = capacity('local', 1_000_000);
    await local.capacity.ensureRoom();
    expect(local.effects).toEqual([]);
    expect(await local.capacity.usage()).toEqual({ used: 1_000_000, limit: null });
    expect(await capacity('aws', 3).capacity.usage()).toEqual({ used: 3, limit: 10 });
  });
});
