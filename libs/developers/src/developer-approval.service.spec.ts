import { describe, expect, it } from 'vitest';
import { type AuditLog } from '@keyport/audit';
import { type IdentityProvider } from '@keyport/cognito';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type Developer, type DeveloperStatus } from './developer';
import { DeveloperApprovalService } from './developer-approval.service';
import { type DeveloperDeletionService, type EndedAccount } from './developer-deletion.service';
import { type DevelopersRepository } from './developers.repository';

const PENDING = developerFixture({ status: 'PENDING' });

function world(stored: Developer | null, options: { poolFails?: boolean; referenced?: boolean } = {}) {
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const inside = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (outside the transaction)'}`);
  const developers = strictFake<DevelopersRepository>('DevelopersRepository', {
    lock: recorder(async () => (inside('lock'), stored)),
    setStatus: recorder(async (id: string, status: DeveloperStatus, reason: string | null) => {
      inside('setStatus');
      return { ...stored!, id, status, suspendedReason: reason };
    }),
    removePendingUnlessReferenced: recorder(async () => (inside('removePending'), !options.referenced)),
  });
  const identity = strictFake<IdentityProvider>('IdentityProvider', {
    deleteUser: recorder(async (email: string) => {
      inside(`deleteUser ${email}`);
      if (options.poolFails) throw new Error('pool down');
    }),
  });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async () => void inside('audit')) });
  const ended: EndedAccount = { developerId: 'dev-1', email: 'ada@example.com', revokedKeyIds: [] };
  const deletion = strictFake<DeveloperDeletionService>('DeveloperDeletionService', {
    endInside: recorder(async (_before: Developer, action: 'developer.deleted' | 'developer.declined') => (inside(`endInside ${action}`), ended)),
    finish: recorder(async () => void inside('finish')),
  });
  const service = new DeveloperApprovalService(developers, identity, audit, transactions.asTransactions(), deletion);
  return { service, developers, audit, deletion, effects };
}

describe('DeveloperApprovalService', () => {
  it('approves a pending developer: ACTIVE without a reason, audited, in one transaction', async () => {
    const { service, developers, audit, effects } = world(PENDING);
    expect(await service.approve('dev-1')).toMatchObject({ status: 'ACTIVE' });
    expect(developers.setStatus).toHaveProperty('calls', [['dev-1', 'ACTIVE', null]]);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'developer.approved', targetType: 'developer', targetId: 'dev-1', before: { status: 'PENDING' }, after: { status: 'ACTIVE' } }],
    ]);
    expect(effects).toEqual(['lock', 'setStatus', 'audit']);
  });

  it('declines a pending developer: the row, the audit entry and the pool account go in one transaction', async () => {
    const { service, audit, effects } = world(PENDING);
    await service.decline('dev-1');
    expect(effects).toEqual(['lock', 'removePending', 'audit', 'deleteUser ada@example.com']);
    expect(audit.record).toHaveProperty('calls', [
      [
        {
          action: 'developer.declined',
          targetType: 'developer',
          targetId: 'dev-1',
          before: { status: 'PENDING', email: 'ada@example.com' },
          after: null,
        },
      ],
    ]);
  });

  it('ends a declined sign-up that other records refer to as a deletion does, audited as declined, finished after the commit', async () => {
    const { service, audit, deletion, effects } = world(PENDING, { referenced: true });
    await service.decline('dev-1');
    expect(effects).toEqual(['lock', 'removePending', 'endInside developer.declined', 'finish (outside the transaction)']);
    expect(deletion.endInside).toHaveProperty('calls', [[PENDING, 'developer.declined']]);
    expect(deletion.finish).toHaveProperty('calls', [[{ developerId: 'dev-1', email: 'ada@example.com', revokedKeyIds: [] }]]);
    expect(audit.record).toHaveProperty('calls', []);
  });

  it('lets a pool that fails the decline fail the whole transaction (the sign-up stays pending)', async () => {
    const { service } = world(PENDING, { poolFails: true });
    await expect(service.decline('dev-1')).rejects.toThrow('pool down');
  });

  it.each(['ACTIVE', 'SUSPENDED', 'DELETED'] as const)(
    'refuses to approve or decline a developer who is %s (NOT_PENDING), changing nothing',
    async (status) => {
      const { service, effects } = world(developerFixture({ status }));
      await expect(service.approve('dev-1')).rejects.toMatchObject({ code: 'NOT_PENDING' });
      await expect(service.decline('dev-1')).rejects.toMatchObject({ code: 'NOT_PENDING' });
      expect(effects).toEqual(['lock', 'lock']);
    },
  );

  it('answers NOT_FOUND for an unknown developer', async () => {
    const { service, effects } = world(null);
    await expect(service.approve('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.decline('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(effects).toEqual(['lock', 'lock']);
  });
});
