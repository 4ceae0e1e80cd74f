import { describe, expect, it } from 'vitest';
import { type AuditLog } from '@keyport/audit';
import { type DomainError } from '@keyport/common';
import { type KeysService } from '@keyport/keys';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type Developer, type DeveloperStatus } from './developer';
import { DeveloperSuspensionService } from './developer-suspension.service';
import { type DevelopersRepository } from './developers.repository';

const ACTIVE: Developer = {
  id: 'dev-1',
  email: 'ada@example.com',
  tierSlug: 'standard',
  status: 'ACTIVE',
  suspendedReason: null,
  confirmedAt: new Date('2026-01-01T00:00:00Z'),
  quotaOverride: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

function world(stored: Developer | null) {
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const inside = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (outside the transaction)'}`);
  const developers = strictFake<DevelopersRepository>('DevelopersRepository', {
    lock: recorder(async () => {
      inside('lock');
      return stored;
    }),
    setStatus: recorder(async (id: string, status: DeveloperStatus, reason: string | null) => {
      inside('setStatus');
      return { ...stored!, id, status, suspendedReason: reason };
    }),
  });
  const keys = strictFake<KeysService>('KeysService', {
    syncLiveKeys: recorder(async () => void inside('syncLiveKeys')),
  });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async () => void inside('audit')) });
  const service = new DeveloperSuspensionService(developers, keys, audit, transactions.asTransactions());
  return { service, developers, keys, audit, effects };
}

describe('DeveloperSuspensionService', () => {
  it('suspends with the reason, re-syncs the live keys and audits before and after, all in one transaction', async () => {
    const { service, keys, audit, effects } = world(ACTIVE);
    const after = await service.suspend('dev-1', 'abuse');
    expect(after).toMatchObject({ status: 'SUSPENDED', suspendedReason: 'abuse' });
    expect(effects).toEqual(['lock', 'setStatus', 'syncLiveKeys', 'audit']);
    expect(keys.syncLiveKeys).toHaveProperty('calls', [['dev-1', 'suspended']]);
    expect(audit.record).toHaveProperty('calls', [
      [
        {
          action: 'developer.suspended',
          targetType: 'developer',
          targetId: 'dev-1',
          before: { status: 'ACTIVE', reason: null },
          after: { status: 'SUSPENDED', reason: 'abuse' },
        },
      ],
    ]);
  });

  it('reinstates a suspended developer and clears the reason', async () => {
    const { service, effects } = world({ ...ACTIVE, status: 'SUSPENDED', suspendedReason: 'abuse' });
    const after = await service.reinstate('dev-1');
    expect(after).toMatchObject({ status: 'ACTIVE', suspendedReason: null });
    expect(effects).toEqual(['lock', 'setStatus', 'syncLiveKeys', 'audit']);
  });

  it.each([
    ['suspend', ACTIVE, 'ALREADY_SUSPENDED', 'SUSPENDED'],
    ['reinstate', ACTIVE, 'NOT_SUSPENDED', 'ACTIVE'],
  ] as const)('refuses to %s a developer already in that state (%s) and changes nothing', async (action, base, code, status) => {
    const { service, effects } = world({ ...base, status });
    const error = (await (action === 'suspend' ? service.suspend('dev-1', 'again') : service.reinstate('dev-1')).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe(code);
    expect(effects).toEqual(['lock']);
  });

  it('answers NOT_FOUND for an unknown developer and changes nothing', async () => {
    const { service, effects } = world(null);
    const error = (await service.suspend('nobody', 'x').catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe('NOT_FOUND');
    expect(effects).toEqual(['lock']);
  });
});
