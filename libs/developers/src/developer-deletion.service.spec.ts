import { describe, expect, it } from 'vitest';
import { type AuditLog } from '@keyport/audit';
import { type Clock, type DomainError } from '@keyport/common';
import { type IdentityProvider } from '@keyport/cognito';
import { type KeysService } from '@keyport/keys';
import { type OutboxWriter } from '@keyport/outbox';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type Developer } from './developer';
import { type DeveloperApplications } from './developer-applications.port';
import { DeveloperDeletionService } from './developer-deletion.service';
import { type DevelopersRepository } from './developers.repository';

const NOW = new Date('2026-12-03T00:00:00Z');
const ACTIVE = developerFixture();

function world(stored: Developer | null) {
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const inside = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (outside the transaction)'}`);
  const developers = strictFake<DevelopersRepository>('DevelopersRepository', {
    lock: recorder(async () => (inside('lock'), stored)),
    markDeleted: recorder(async () => (inside('markDeleted'), { ...stored!, status: 'DELETED' as const })),
  });
  const keys = strictFake<KeysService>('KeysService', {
    revokeAllInside: recorder(async () => (inside('revokeAllInside'), ['key-1', 'key-2'])),
    announceRevoked: recorder((ids: string[]) => void inside(`announce ${ids.join(',')}`)),
  });
  const outbox = strictFake<OutboxWriter>('OutboxWriter', {
    enqueue: recorder(async (_aggregate: string, message: { type: string }) => void inside(`enqueue ${message.type}`)),
  });
  const identity = strictFake<IdentityProvider>('IdentityProvider', {
    deleteUser: recorder(async (username: string) => void inside(`deleteUser ${username}`)),
  });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async () => void inside('audit')) });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const applications = strictFake<DeveloperApplications>('DeveloperApplications', {
    deleteAllInside: recorder(async () => void inside('deleteAllInside')),
    forgetClientsOf: recorder(async (developerId: string) => void inside(`forgetClientsOf ${developerId}`)),
  });
  const service = new DeveloperDeletionService(developers, keys, outbox, identity, audit, transactions.asTransactions(), clock, applications);
  return { service, effects, outbox, audit };
}

describe('DeveloperDeletionService', () => {
  it('marks the developer deleted, revokes the keys and tells billing in one transaction, then removes the identity', async () => {
    const { service, effects, outbox, audit } = world(ACTIVE);
    await service.delete('dev-1');
    expect(effects).toEqual([
      'lock',
      'markDeleted',
      'revokeAllInside',
      'deleteAllInside',
      'enqueue developer.deleted',
      'audit',
      'announce key-1,key-2 (outside the transaction)',
      'deleteUser ada@example.com (outside the transaction)',
      'forgetClientsOf dev-1 (outside the transaction)',
    ]);
    const outboxCalls = (outbox.enqueue as unknown as { calls: unknown[][] }).calls;
    expect(outboxCalls[0]).toEqual([
      'developer:dev-1',
      expect.objectContaining({ type: 'developer.deleted' }),
      { developerId: 'dev-1', deletedAt: NOW.toISOString() },
    ]);
    const auditCalls = (audit.record as unknown as { calls: unknown[][] }).calls;
    expect(auditCalls[0]?.[0]).toMatchObject({ action: 'developer.deleted', targetId: 'dev-1', before: { status: 'ACTIVE', email: 'ada@example.com' } });
  });

  it('finishes removing the identity of a developer already deleted, then answers ALREADY_DELETED', async () => {
    const { service, effects } = world({ ...ACTIVE, status: 'DELETED' });
    await expect(service.delete('dev-1')).rejects.toMatchObject({ code: 'ALREADY_DELETED' } satisfies Partial<DomainError>);
    expect(effects).toEqual(['lock', 'deleteUser dev-1 (outside the transaction)', 'forgetClientsOf dev-1 (outside the transaction)']);
  });

  it('answers 404 for a developer that does not exist, touching nothing else', async () => {
    const { service, effects } = world(null);
    await expect(service.delete('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(effects).toEqual(['lock']);
  });
});
