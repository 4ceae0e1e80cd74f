import { describe, expect, it } from 'vitest';
import { type AuditLog } from '@keyport/audit';
import { type Clock, type RandomSource } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { type ManagedKeysService } from '@keyport/keys';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type Application } from './application';
import { type AppClients } from './app-clients.port';
import { type ApplicationsRepository, type NewApplication } from './applications.repository';
import { ADMIN_SCOPES, DEFAULT_SECRET_GRACE_SECONDS, ApplicationsService } from './applications.service';

const NOW = new Date('2026-03-18T10:00:00Z');
const LATER = new Date(NOW.getTime() + DEFAULT_SECRET_GRACE_SECONDS * 1000);
type Stored = Application & { retiringSecretId: string | null };

function application(overrides: Partial<Stored> = {}): Stored {
  return {
    id: 'app-1',
    developerId: 'dev-1',
    name: 'billing-sync',
    kind: 'APPLICATION',
    clientId: 'client-1',
    scopes: ['keyport-api/read'],
    retiringSecretEndsAt: null,
    createdAt: NOW,
    retiringSecretId: null,
    ...overrides,
  };
}

interface Options {
  stored?: Stored | null;
  owned?: number;
  live?: number;
  insertFails?: boolean;
  /** The client's secret ids before a rotation adds `s-new`. */
  secrets?: string[];
}

function world(options: Options = {}) {
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const inside = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (outside the transaction)'}`);
  const stored = options.stored === undefined ? application() : options.stored;
  const applications = strictFake<ApplicationsRepository>('ApplicationsRepository', {
    lockOwner: recorder(async (developerId: string) => void inside(`lockOwner ${developerId}`)),
    countLive: recorder(async (developerId?: string) => (developerId ? (options.owned ?? 0) : (options.live ?? 1))),
    insert: recorder(async (row: NewApplication) => {
      inside('insert');
      if (options.insertFails) throw new Error('insert failed');
      return { ...row, retiringSecretEndsAt: null, createdAt: NOW };
    }),
    listOwned: recorder(async () => [application()]),
    listKind: recorder(async () => (stored ? [stored] : [])),
    findOwned: recorder(async (developerId: string, id: string, kind: Application['kind']) =>
      stored?.developerId === developerId && stored.id === id && stored.kind === kind ? stored : null,
    ),
    setRetiringSecret: recorder(async () => void inside('setRetiringSecret')),
    markDeleted: recorder(async () => void inside('markDeleted')),
    dueSecretRetirements: recorder(async () => [
      { id: 'app-1', clientId: 'client-1', retiringSecretId: 's-old' },
      { id: 'app-2', clientId: 'client-2', retiringSecretId: 's-older' },
    ]),
    findCaller: recorder(async () => null),
  });
  const clients = strictFake<AppClients>('AppClients', {
    tokenEndpoint: 'https://auth.example.com/oauth2/token',
    ensureResourceServer: recorder(async () => undefined),
    create: recorder(async () => (inside('clients.create'), { clientId: 'client-new', clientSecret: 'shown-once' })),
    delete: recorder(async (clientId: string) => void inside(`clients.delete ${clientId}`)),
    secretIds: recorder(async () => [...(options.secrets ?? ['s-1']), 's-new']),
    addSecret: recorder(async () => (inside('addSecret'), { secretId: 's-new', clientSecret: 'new-secret' })),
    deleteSecret: recorder(async (_clientId: string, secretId: string) => void inside(`deleteSecret ${secretId}`)),
  });
  const managedKeys = strictFake<ManagedKeysService>('ManagedKeysService', {
    create: recorder(async () => void inside('managedKeys.create')),
    rotate: recorder(async () => void inside('managedKeys.rotate')),
    revoke: recorder(async () => void inside('managedKeys.revoke')),
  });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async () => void inside('audit')) });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const random = strictFake<RandomSource>('RandomSource', { uuid: () => 'app-new' });
  const config = { applications: { maxPerDeveloper: 2, appClientQuota: 10, resourceServer: 'keyport-api', scopes: ['read', 'write'] } } as AppConfig;
  const service = new ApplicationsService(applications, clients, audit, transactions.asTransactions(), clock, random, config, managedKeys);
  return { service, applications, clients, managedKeys, audit, effects, transactions };
}

describe('ApplicationsService', () => {
  it("names the API's scopes in full and sets up both resource servers: the API's and Keyport's admin one", async () => {
    const { service, clients } = world();
    expect(service.apiScopes).toEqual(['keyport-api/read', 'keyport-api/write']);
    expect(service.tokenEndpoint).toBe('https://auth.example.com/oauth2/token');
    await service.ensureResourceServer();
    expect(clients.ensureResourceServer).toHaveProperty('calls', [
      ['keyport-api', ['read', 'write']],
      ['keyport', ['admin.read', 'admin.write']],
    ]);
  });

  it('creates an application: app client, row, managed key and audit entry, all under the owner lock in one transaction', async () => {
    const { service, applications, clients, managedKeys, audit, effects } = world();
    const issued = await service.create('dev-1', 'billing-sync', ['read', 'keyport-api/read', 'write']);
    expect(issued).toEqual({
      application: {
        id: 'app-new',
        developerId: 'dev-1',
        name: 'billing-sync',
        kind: 'APPLICATION',
        clientId: 'client-new',
        scopes: ['keyport-api/read', 'keyport-api/write'],
        retiringSecretEndsAt: null,
        createdAt: NOW,
      },
      clientSecret: 'shown-once',
    });
    expect(clients.create).toHaveProperty('calls', [['billing-sync', ['keyport-api/read', 'keyport-api/write']]]);
    expect(applications.countLive).toHaveProperty('calls', [['dev-1'], []]);
    expect(managedKeys.create).toHaveProperty('calls', [['dev-1', 'app-new', 'billing-sync']]);
    expect(audit.record).toHaveProperty('calls', [
      [
        {
          action: 'application.created',
          targetType: 'application',
          targetId: 'app-new',
          after: { name: 'billing-sync', scopes: ['keyport-api/read', 'keyport-api/write'], clientId: 'client-new' },
        },
      ],
    ]);
    expect(effects).toEqual(['lockOwner dev-1', 'clients.create', 'insert', 'managedKeys.create', 'audit']);
  });

  it('grants every API scope when none are asked for', async () => {
    const { service, clients } = world();
    await service.create('dev-1', 'all', undefined);
    expect(clients.create).toHaveProperty('calls.0.1', ['keyport-api/read', 'keyport-api/write']);
  });

  it.each([[['read', 'delete']], [['other-api/read']], [[]]])('refuses the scopes %j (400 on `scopes`) before anything happens', async (scopes) => {
    const { service, transactions } = world();
    // resolveScopes throws before the transaction begins: synchronously, so `async` turns it into a rejection.
    await expect(async () => service.create('dev-1', 'x', scopes)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'scopes', message: 'each must be one of keyport-api/read, keyport-api/write' }],
    });
    expect(transactions.runs).toBe(0);
  });

  it('refuses a developer at their application limit (APPLICATION_LIMIT_REACHED) without making an app client', async () => {
    const { service, clients } = world({ owned: 2 });
    await expect(service.create('dev-1', 'third', ['read'])).rejects.toMatchObject({ kind: 'CONFLICT', code: 'APPLICATION_LIMIT_REACHED' });
    expect(clients.create).toHaveProperty('calls', []);
  });

  it("refuses once the pool's app clients, the portal's own included, reach Cognito's quota (APP_CLIENT_QUOTA_REACHED)", async () => {
    const { service: full, clients } = world({ live: 9 });
    await expect(full.create('dev-1', 'x', ['read'])).rejects.toMatchObject({ kind: 'CONFLICT', code: 'APP_CLIENT_QUOTA_REACHED' });
    expect(clients.create).toHaveProperty('calls', []);
    const { service: roomForOne } = world({ live: 8 });
    await expect(roomForOne.create('dev-1', 'x', ['read'])).resolves.toBeDefined();
  });

  it('deletes the app client again when the row cannot be written, and passes the failure on', async () => {
    const { service, effects } = world({ insertFails: true });
    await expect(service.create('dev-1', 'x', ['read'])).rejects.toThrow('insert failed');
    expect(effects).toEqual(['lockOwner dev-1', 'clients.create', 'insert', 'clients.delete client-new']);
  });

  it("creates a service account with Keyport's admin scopes, no managed key and no per-developer limit", async () => {
    const { service, applications, managedKeys, audit } = world({ owned: 99 });
    const issued = await service.createServiceAccount('boss', 'ci', ['admin.read']);
    expect(issued.application).toMatchObject({ kind: 'SERVICE_ACCOUNT', developerId: 'boss', scopes: ['keyport/admin.read'] });
    expect(applications.countLive).toHaveProperty('calls', [[]]);
    expect(managedKeys.create).toHaveProperty('calls', []);
    expect(audit.record).toHaveProperty('calls.0.0.action', 'service_account.created');
    await expect(async () => service.createServiceAccount('boss', 'ci', ['read'])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(ADMIN_SCOPES).toEqual(['keyport/admin.read', 'keyport/admin.write']);
  });

  it("shows an owned application without the retiring secret id, and another developer's as NOT_FOUND", async () => {
    const { service, applications } = world({ stored: application({ retiringSecretId: 's-old' }) });
    const shown = await service.get('dev-1', 'app-1');
    expect(shown).not.toHaveProperty('retiringSecretId');
    expect(shown).toMatchObject({ id: 'app-1', clientId: 'client-1' });
    await expect(service.get('dev-2', 'app-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await service.list('dev-1')).toHaveLength(1);
    expect(applications.listOwned).toHaveProperty('calls', [['dev-1', 'APPLICATION']]);
  });

  it('rotates a secret: the new one is shown, the old one kept for the grace period, the managed key rotated with it', async () => {
    const { service, applications, managedKeys, audit, effects } = world();
    const issued = await service.rotateSecret('dev-1', 'app-1');
    expect(issued.clientSecret).toBe('new-secret');
    expect(issued.application.retiringSecretEndsAt).toEqual(LATER);
    expect(issued.application).not.toHaveProperty('retiringSecretId');
    expect(managedKeys.rotate).toHaveProperty('calls', [['dev-1', 'app-1', DEFAULT_SECRET_GRACE_SECONDS]]);
    expect(applications.setRetiringSecret).toHaveProperty('calls', [['app-1', 'client-1', 's-1', LATER]]);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'application.secret_rotated', targetType: 'application', targetId: 'app-1', after: { gracePeriodSeconds: DEFAULT_SECRET_GRACE_SECONDS } }],
    ]);
    expect(effects).toEqual(['lockOwner dev-1', 'addSecret', 'managedKeys.rotate', 'setRetiringSecret', 'audit']);
  });

  it('with no grace, deletes the replaced secret at once and keeps none retiring', async () => {
    const { service, applications, managedKeys, effects } = world();
    const issued = await service.rotateSecret('dev-1', 'app-1', 0);
    expect(issued.application.retiringSecretEndsAt).toBeNull();
    expect(managedKeys.rotate).toHaveProperty('calls', [['dev-1', 'app-1', 0]]);
    expect(applications.setRetiringSecret).toHaveProperty('calls', [['app-1', 'client-1', null, null]]);
    expect(effects).toContain('deleteSecret s-1');
  });

  it('keeps nothing retiring when the client had no other secret', async () => {
    const { service, applications, managedKeys } = world({ secrets: [] });
    expect((await service.rotateSecret('dev-1', 'app-1', 3600)).application.retiringSecretEndsAt).toBeNull();
    expect(managedKeys.rotate).toHaveProperty('calls', [['dev-1', 'app-1', 0]]);
    expect(applications.setRetiringSecret).toHaveProperty('calls', [['app-1', 'client-1', null, null]]);
  });

  it('refuses to rotate while the last replaced secret is in its grace (SECRET_ROTATION_IN_GRACE, with graceEndsAt)', async () => {
    const { service, effects } = world({ stored: application({ retiringSecretId: 's-old', retiringSecretEndsAt: LATER }) });
    await expect(service.rotateSecret('dev-1', 'app-1')).rejects.toMatchObject({
      kind: 'CONFLICT',
      code: 'SECRET_ROTATION_IN_GRACE',
      extra: { graceEndsAt: LATER.toISOString() },
    });
    expect(effects).toEqual(['lockOwner dev-1']);
  });

  it('deletes a retiring secret whose grace has ended before rotating again', async () => {
    const { service, effects } = world({ stored: application({ retiringSecretId: 's-old', retiringSecretEndsAt: NOW }) });
    await service.rotateSecret('dev-1', 'app-1');
    expect(effects.slice(0, 3)).toEqual(['lockOwner dev-1', 'deleteSecret s-old', 'addSecret']);
  });

  it("rotates a service account's secret without a managed key, and answers NOT_FOUND for an unknown one", async () => {
    const { service, managedKeys } = world({ stored: application({ kind: 'SERVICE_ACCOUNT' }) });
    await service.rotateSecret('dev-1', 'app-1', 60, 'SERVICE_ACCOUNT');
    expect(managedKeys.rotate).toHaveProperty('calls', []);
    await expect(service.rotateSecret('dev-1', 'app-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes an application: row, managed key and audit in one transaction, then the app client', async () => {
    const { service, applications, managedKeys, audit, effects } = world();
    await service.delete('dev-1', 'app-1');
    expect(applications.markDeleted).toHaveProperty('calls', [['app-1', 'client-1', NOW]]);
    expect(managedKeys.revoke).toHaveProperty('calls', [['app-1']]);
    expect(audit.record).toHaveProperty('calls', [
      [
        {
          action: 'application.deleted',
          targetType: 'application',
          targetId: 'app-1',
          before: { name: 'billing-sync', clientId: 'client-1' },
        },
      ],
    ]);
    expect(effects).toEqual(['markDeleted', 'managedKeys.revoke', 'audit', 'clients.delete client-1 (outside the transaction)']);
  });

  it("answers NOT_FOUND for deleting another developer's application, and leaves its app client alone", async () => {
    const { service, clients } = world();
    await expect(service.delete('dev-2', 'app-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(clients.delete).toHaveProperty('calls', []);
  });

  it('deletes a service account whichever admin made it; an unknown one is NOT_FOUND', async () => {
    const { service, managedKeys, audit } = world({ stored: application({ kind: 'SERVICE_ACCOUNT', developerId: 'other-admin' }) });
    await service.deleteServiceAccount('app-1');
    expect(managedKeys.revoke).toHaveProperty('calls', []);
    expect(audit.record).toHaveProperty('calls.0.0.action', 'service_account.deleted');
    await expect(service.deleteServiceAccount('app-9')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('retires each secret whose grace has ended and says how many', async () => {
    const { service, applications, clients } = world();
    expect(await service.retireExpiredSecrets(50)).toBe(2);
    expect(applications.dueSecretRetirements).toHaveProperty('calls', [[NOW, 50]]);
    expect(clients.deleteSecret).toHaveProperty('calls', [
      ['client-1', 's-old'],
      ['client-2', 's-older'],
    ]);
    expect(applications.setRetiringSecret).toHaveProperty('calls', [
      ['app-1', 'client-1', null, null],
      ['app-2', 'client-2', null, null],
    ]);
  });
});
