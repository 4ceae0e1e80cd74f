import { describe, expect, it } from 'vitest';
import { type AuditEvent, type AuditLog } from '@keyport/audit';
import { type Clock, type DomainError, type RandomSource } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { type OutboxWriter } from '@keyport/outbox';
import { apiKeyFixture } from '../../../test/support/api-key-fixture';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type ApiKey } from './api-key';
import { type ApiKeyCodec } from './api-key-codec';
import { type KeyCapacity } from './key-capacity';
import { type KeyOwnerLock } from './key-owner-lock.port';
import { type KeyRevocations } from './key-revocations';
import { type KeySealer } from './key-sealer';
import { type KeysRepository, type NewApiKey } from './keys.repository';
import { KeysService } from './keys.service';

const NOW = new Date('2026-12-03T10:00:00Z');
const HOUR_MS = 3600_000;
const MAX_KEYS = 3;

/**
 * A KeysService over strict fakes. `effects` lists, in order, what reached the outside (outbox, audit,
 * revocation announcements), each marked when it happened outside a transaction.
 */
function world(stored: ApiKey[] = [], options: { ownerStatus?: string | null; liveLineages?: number } = {}) {
  const keysStored = stored.map((key) => ({ ...key }));
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const note = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (after commit)'}`);
  const live = (key: ApiKey) => key.status !== 'REVOKED';
  const inserted: NewApiKey[] = [];
  const status = options.ownerStatus === undefined ? 'ACTIVE' : options.ownerStatus;
  const owners = strictFake<KeyOwnerLock>('KeyOwnerLock', {
    lockInside: recorder(async () => (status === null ? null : { suspended: status === 'SUSPENDED' })),
  });
  const keys = strictFake<KeysRepository>('KeysRepository', {
    countLiveLineages: recorder(async () => options.liveLineages ?? 0),
    findOwned: async (developerId: string, keyId: string) =>
      keysStored.find((key) => key.id === keyId && key.developerId === developerId && key.applicationId === null) ?? null,
    findById: async (keyId: string) => keysStored.find((key) => key.id === keyId) ?? null,
    liveInLineage: async (lineageId: string) => keysStored.filter((key) => key.lineageId === lineageId && live(key)),
    listLiveByDeveloper: async (developerId: string) => keysStored.filter((key) => key.developerId === developerId && live(key)),
    dueForExpiry: recorder(async (now: Date) => keysStored.filter((key) => live(key) && key.expiresAt !== null && key.expiresAt <= now)),
    insert: async ({ managed, ...key }: NewApiKey) => {
      inserted.push({ ...key, ...(managed ? { managed } : {}) });
      const created = apiKeyFixture({ ...key, status: 'PROVISIONING', gatewayKeyId: null, applicationId: managed?.applicationId ?? null, createdAt: NOW });
      keysStored.push(created);
      return created;
    },
    scheduleExpiry: recorder(async (keyId: string, expiresAt: Date) => void note(`scheduleExpiry ${keyId} ${expiresAt.toISOString()}`)),
    revoke: async (keyId: string) => {
      const index = keysStored.findIndex((candidate) => candidate.id === keyId && live(candidate));
      if (index < 0) return false;
      keysStored[index] = { ...keysStored[index], status: 'REVOKED', revokedAt: NOW };
      return true;
    },
  });
  let generated = 0;
  const codec = strictFake<ApiKeyCodec>('ApiKeyCodec', {
    generate: () => {
      generated += 1;
      return { value: `kp-value-${generated}`, hash: `hash-${generated}`, prefix: `kpPre${generated}`, last4: `000${generated}` };
    },
  });
  const sealer = strictFake<KeySealer>('KeySealer', { seal: (value: string) => `sealed(${value})` });
  const outbox = strictFake<OutboxWriter>('OutboxWriter', {
    enqueue: recorder(
      async (aggregate: string, message: { type: string }, payload: unknown) => void note(`${message.type} ${aggregate} ${JSON.stringify(payload)}`),
    ),
  });
  const audit = strictFake<AuditLog>('AuditLog', {
    record: recorder(async (entry: AuditEvent) => void note(`audit ${entry.action} ${entry.targetId ?? ''}`)),
  });
  let uuids = 0;
  const random = strictFake<RandomSource>('RandomSource', { uuid: () => `new-${++uuids}` });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const config = { maxKeysPerDeveloper: MAX_KEYS } as AppConfig;
  const capacity = strictFake<KeyCapacity>('KeyCapacity', { ensureRoom: recorder(async () => void note('ensureRoom')) });
  const revocations = strictFake<KeyRevocations>('KeyRevocations', { announce: (keyId: string) => void note(`announce ${keyId}`) });
  const service = new KeysService(keys, codec, sealer, outbox, audit, transactions.asTransactions(), clock, random, config, capacity, revocations, owners);
  return { service, effects, inserted, keys, owners, audit, transactions, stored: keysStored };
}

/** The error the call throws, synchronously (`create` checks its input before any await) or not. */
async function errorOf(call: () => Promise<unknown>): Promise<DomainError> {
  return (await Promise.resolve()
    .then(call)
    .catch((error: unknown) => error)) as DomainError;
}

const auditEntries = (audit: AuditLog) => (audit.record as unknown as { calls: [AuditEvent][] }).calls.map(([entry]) => entry);

describe('KeysService.create', () => {
  it('issues a key in its own lineage, queues its provisioning with the sealed value and audits it, in one transaction', async () => {
    const { service, effects, inserted, owners } = world();
    const issued = await service.create('dev-1', 'ci', new Date(NOW.getTime() + 30 * 24 * HOUR_MS));
    expect(issued.value).toBe('kp-value-1');
    expect(issued.key).toMatchObject({ id: 'new-1', status: 'PROVISIONING', lineageId: 'new-1' });
    expect(inserted).toEqual([
      {
        id: 'new-1',
        lineageId: 'new-1',
        rotatedFromId: null,
        expiresAt: new Date('2027-01-02T10:00:00Z'),
        developerId: 'dev-1',
        name: 'ci',
        hash: 'hash-1',
        prefix: 'kpPre1',
        last4: '0001',
      },
    ]);
    expect(effects).toEqual(['ensureRoom', 'key.provision key:new-1 {"keyId":"new-1","sealedValue":"sealed(kp-value-1)"}', 'audit key.created new-1']);
    expect(owners.lockInside).toHaveProperty('calls', [['dev-1']]);
  });

  it('refuses a key beyond the limit of live lineages with KEY_LIMIT_REACHED, issuing nothing', async () => {
    const { service, effects } = world([], { liveLineages: MAX_KEYS });
    const error = await errorOf(() => service.create('dev-1', 'one too many'));
    expect(error).toMatchObject({ kind: 'CONFLICT', code: 'KEY_LIMIT_REACHED' });
    expect(effects).toEqual([]);
    // One below the limit still fits.
    expect((await world([], { liveLineages: MAX_KEYS - 1 }).service.create('dev-1', 'last one')).key.id).toBe('new-1');
  });

  it('refuses a suspended developer (ACCOUNT_SUSPENDED) and an unknown one (404)', async () => {
    expect(await errorOf(() => world([], { ownerStatus: 'SUSPENDED' }).service.create('dev-1', 'x'))).toMatchObject({
      kind: 'FORBIDDEN',
      code: 'ACCOUNT_SUSPENDED',
    });
    expect(await errorOf(() => world([], { ownerStatus: null }).service.create('nobody', 'x'))).toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('checks the expiry before opening a transaction: in the future, at most a year ahead, a real date', async () => {
    const { service, transactions } = world();
    const past = await errorOf(() => service.create('dev-1', 'x', NOW));
    expect(past).toMatchObject({ code: 'KEY_EXPIRY_IN_PAST', details: [{ field: 'expiresAt', message: 'must be in the future' }] });
    const yearAndAMinute = new Date(NOW.getTime() + 365 * 24 * HOUR_MS + 60_000);
    expect(await errorOf(() => service.create('dev-1', 'x', yearAndAMinute))).toMatchObject({ code: 'KEY_EXPIRY_TOO_FAR' });
    expect(await errorOf(() => service.create('dev-1', 'x', new Date('not a date')))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(transactions.runs).toBe(0);
    const exactlyAYear = new Date(NOW.getTime() + 365 * 24 * HOUR_MS);
    expect((await service.create('dev-1', 'x', exactlyAYear)).key.expiresAt).toEqual(exactlyAYear);
  });
});

describe('KeysService.rotate', () => {
  it("issues a successor in the key's lineage with the key's expiry; the old key expires when its grace ends", async () => {
    const old = apiKeyFixture({ id: 'key-1', expiresAt: new Date(NOW.getTime() + 30 * 24 * HOUR_MS) });
    const { service, effects, inserted } = world([old]);
    const issued = await service.rotate('dev-1', 'key-1', 3600);
    expect(issued.key).toMatchObject({ id: 'new-1', lineageId: 'key-1', rotatedFromId: 'key-1', expiresAt: old.expiresAt });
    expect(inserted[0]).toMatchObject({ name: old.name, developerId: 'dev-1' });
    expect(effects).toEqual([
      'ensureRoom',
      'key.provision key:new-1 {"keyId":"new-1","sealedValue":"sealed(kp-value-1)"}',
      'audit key.rotated new-1',
      'scheduleExpiry key-1 2026-12-03T11:00:00.000Z',
    ]);
  });

  it('ends the old key at its own expiry when that comes before the grace would', async () => {
    const old = apiKeyFixture({ expiresAt: new Date(NOW.getTime() + HOUR_MS) });
    const { service, keys } = world([old]);
    await service.rotate('dev-1', 'key-1', 24 * 3600);
    expect(keys.scheduleExpiry).toHaveProperty('calls', [['key-1', old.expiresAt]]);
  });

  it('with no grace revokes the old key at once and announces it only after commit', async () => {
    const { service, effects } = world([apiKeyFixture()]);
    await service.rotate('dev-1', 'key-1', 0);
    expect(effects.slice(-3)).toEqual(['key.revoke key:key-1 {"keyId":"key-1"}', 'audit key.revoked key-1', 'announce key-1 (after commit)']);
  });

  it('refuses to rotate a key twice (KEY_ALREADY_ROTATED)', async () => {
    const { service, effects } = world([apiKeyFixture(), apiKeyFixture({ id: 'key-2', lineageId: 'key-1', rotatedFromId: 'key-1' })]);
    expect(await errorOf(() => service.rotate('dev-1', 'key-1'))).toMatchObject({ kind: 'CONFLICT', code: 'KEY_ALREADY_ROTATED' });
    expect(effects).toEqual([]);
  });

  it('refuses while the key this one replaced is in its grace (ROTATION_IN_GRACE, naming it), never cutting it off', async () => {
    const graceEnds = new Date(NOW.getTime() + HOUR_MS);
    const predecessor = apiKeyFixture({ id: 'key-0', lineageId: 'key-0', expiresAt: graceEnds });
    const current = apiKeyFixture({ id: 'key-1', lineageId: 'key-0', rotatedFromId: 'key-0' });
    const { service, effects } = world([predecessor, current]);
    const error = await errorOf(() => service.rotate('dev-1', 'key-1'));
    expect(error).toMatchObject({ code: 'ROTATION_IN_GRACE', extra: { inGraceKeyId: 'key-0', graceEndsAt: graceEnds.toISOString() } });
    expect(effects).toEqual([]);
  });

  it('revokes a predecessor whose grace is over but not yet swept, as expired, and rotates', async () => {
    const predecessor = apiKeyFixture({ id: 'key-0', lineageId: 'key-0', expiresAt: new Date(NOW.getTime() - 1) });
    const current = apiKeyFixture({ id: 'key-1', lineageId: 'key-0', rotatedFromId: 'key-0' });
    const { service, effects } = world([predecessor, current]);
    await service.rotate('dev-1', 'key-1');
    expect(effects[0]).toBe('key.revoke key:key-0 {"keyId":"key-0"}');
    expect(effects[1]).toBe('audit key.expired key-0');
    expect(effects.at(-1)).toBe('announce key-0 (after commit)');
  });

  it('refuses a revoked or expired key (KEY_REVOKED), a key not the caller’s (404) and a suspended developer', async () => {
    expect(await errorOf(() => world([apiKeyFixture({ status: 'REVOKED' })]).service.rotate('dev-1', 'key-1'))).toMatchObject({ code: 'KEY_REVOKED' });
    expect(await errorOf(() => world([apiKeyFixture({ expiresAt: NOW })]).service.rotate('dev-1', 'key-1'))).toMatchObject({ code: 'KEY_REVOKED' });
    expect(await errorOf(() => world([apiKeyFixture({ developerId: 'dev-2' })]).service.rotate('dev-1', 'key-1'))).toMatchObject({ kind: 'NOT_FOUND' });
    expect(await errorOf(() => world([apiKeyFixture()], { ownerStatus: 'SUSPENDED' }).service.rotate('dev-1', 'key-1'))).toMatchObject({
      code: 'ACCOUNT_SUSPENDED',
    });
  });
});

describe('KeysService revocation', () => {
  it('revokes an own key: the gateway deletion through the outbox and the audit in the transaction, the announcement after', async () => {
    const { service, effects, audit } = world([apiKeyFixture()]);
    await service.revoke('dev-1', 'key-1');
    expect(effects).toEqual(['key.revoke key:key-1 {"keyId":"key-1"}', 'audit key.revoked key-1', 'announce key-1 (after commit)']);
    expect(auditEntries(audit)[0]).toMatchObject({ targetType: 'api_key', before: { status: 'ACTIVE' }, after: { status: 'REVOKED' } });
  });

  it("answers 404 for another developer's key and for a managed key, revoking nothing", async () => {
    const { service, effects } = world([apiKeyFixture({ developerId: 'dev-2' }), apiKeyFixture({ id: 'key-m', applicationId: 'app-1' })]);
    expect(await errorOf(() => service.revoke('dev-1', 'key-1'))).toMatchObject({ kind: 'NOT_FOUND' });
    expect(await errorOf(() => service.revoke('dev-1', 'key-m'))).toMatchObject({ kind: 'NOT_FOUND' });
    expect(effects).toEqual([]);
  });

  it('queues and audits nothing again for a key already revoked', async () => {
    const { service, effects } = world([apiKeyFixture({ status: 'REVOKED' })]);
    await service.revoke('dev-1', 'key-1');
    expect(effects).toEqual(['announce key-1 (after commit)']);
  });

  it('sweeps keys whose expiry has come, each in its own transaction, telling the gateway to disable them first', async () => {
    const due = [apiKeyFixture({ id: 'key-1', expiresAt: NOW }), apiKeyFixture({ id: 'key-2', expiresAt: new Date(NOW.getTime() - 1) })];
    const { service, effects, audit, transactions, keys } = world([...due, apiKeyFixture({ id: 'key-3', expiresAt: new Date(NOW.getTime() + 1) })]);
    expect(await service.revokeExpired(10)).toBe(2);
    expect(keys.dueForExpiry).toHaveProperty('calls', [[NOW, 10]]);
    expect(transactions.runs).toBe(2);
    expect(effects).toEqual([
      'key.revoke key:key-1 {"keyId":"key-1","expired":true}',
      'audit key.expired key-1',
      'announce key-1 (after commit)',
      'key.revoke key:key-2 {"keyId":"key-2","expired":true}',
      'audit key.expired key-2',
      'announce key-2 (after commit)',
    ]);
    expect(auditEntries(audit).map((entry) => entry.actor)).toEqual([{ type: 'system' }, { type: 'system' }]);
  });

  it('revokes a live key lost at the gateway as the system, and reports false for a key gone or revoked', async () => {
    const { service, effects } = world([apiKeyFixture(), apiKeyFixture({ id: 'key-2', status: 'REVOKED' })]);
    expect(await service.revokeLost('key-1')).toBe(true);
    expect(effects).toEqual(['key.revoke key:key-1 {"keyId":"key-1"}', 'audit key.lost_at_gateway key-1']);
    expect(await service.revokeLost('key-2')).toBe(false);
    expect(await service.revokeLost('nowhere')).toBe(false);
    expect(effects).toHaveLength(2);
  });

  it("revokes every live key of a deleted developer in the caller's transaction, leaving the announcement to the caller", async () => {
    const { service, effects } = world([apiKeyFixture(), apiKeyFixture({ id: 'key-2', status: 'REVOKED' }), apiKeyFixture({ id: 'key-3' })]);
    expect(await service.revokeAllInside('dev-1')).toEqual(['key-1', 'key-3']);
    expect(effects.filter((effect) => effect.startsWith('key.revoke'))).toEqual([
      'key.revoke key:key-1 {"keyId":"key-1"} (after commit)',
      'key.revoke key:key-3 {"keyId":"key-3"} (after commit)',
    ]);
    expect(effects.some((effect) => effect.startsWith('announce'))).toBe(false);
  });
});

describe('KeysService for other libs', () => {
  it('queues one key sync per live key of the developer, with the reason', async () => {
    const { service, effects } = world([
      apiKeyFixture(),
      apiKeyFixture({ id: 'key-2', status: 'REVOKED' }),
      apiKeyFixture({ id: 'key-3', developerId: 'dev-2' }),
    ]);
    await service.syncLiveKeys('dev-1', 'tier-change');
    expect(effects).toEqual(['key.sync key:key-1 {"keyId":"key-1","reason":"tier-change"} (after commit)']);
  });

  it("issues an application's managed key with its sealed value kept, outside the developer's key limit", async () => {
    const { service, inserted, audit, keys } = world();
    await service.issueManaged('dev-1', 'app-1', 'application: shop');
    expect(inserted[0]).toMatchObject({ managed: { applicationId: 'app-1', sealedValue: 'sealed(kp-value-1)' } });
    expect(auditEntries(audit)[0]).toMatchObject({ action: 'key.created', after: { applicationId: 'app-1' } });
    expect(keys.countLiveLineages).toHaveProperty('calls', []);
  });

  it('rotates and revokes a managed key as the system, announcing once committed', async () => {
    const managed = apiKeyFixture({ id: 'key-m', applicationId: 'app-1' });
    const { service, effects, audit } = world([managed]);
    await service.rotateManaged(managed, 0);
    expect(effects.slice(-3)).toEqual(['key.revoke key:key-m {"keyId":"key-m"}', 'audit key.revoked key-m', 'announce key-m (after commit)']);
    const successor = (await service.revokeManaged(apiKeyFixture({ id: 'new-1', applicationId: 'app-1' })), auditEntries(audit).at(-1));
    expect(successor).toMatchObject({ action: 'key.revoked', targetId: 'new-1', actor: { type: 'system' } });
    expect(effects.at(-1)).toBe('announce new-1 (after commit)');
  });
});
