import { describe, expect, it } from 'vitest';
import { type AuditLog } from '@keyport/audit';
import { type Clock } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { ADMIN_GROUP, type IdentityProvider, type VerifiedPrincipal } from '@keyport/cognito';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type Developer } from './developer';
import { type DevelopersRepository, type NewDeveloper } from './developers.repository';
import { DevelopersService } from './developers.service';

const NOW = new Date('2026-03-18T10:00:00Z');
const PRINCIPAL: VerifiedPrincipal = { userId: 'dev-1', username: 'ada-username', groups: [], expiresAt: 0 };

function world(stored: Developer | null, options: { approval?: 'auto' | 'manual'; poolConfirmed?: boolean } = {}) {
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const inside = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (outside the transaction)'}`);
  const developers = strictFake<DevelopersRepository>('DevelopersRepository', {
    findRecent: recorder(async () => stored),
    findById: recorder(async () => stored),
    createIfMissing: recorder(async (row: NewDeveloper) => developerFixture({ ...row, status: row.status ?? 'ACTIVE' })),
    markConfirmed: recorder(async () => void inside('markConfirmed')),
  });
  const identity = strictFake<IdentityProvider>('IdentityProvider', {
    getUser: recorder(async (id: string) => ({ userId: id, email: ' Ada@Example.COM', confirmed: options.poolConfirmed ?? true, groups: [] })),
    adminConfirm: recorder(async () => void inside('adminConfirm')),
  });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async () => void inside('audit')) });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const config = { signupApproval: options.approval ?? 'auto' } as AppConfig;
  const service = new DevelopersService(developers, identity, audit, transactions.asTransactions(), clock, config);
  return { service, developers, identity, audit, effects };
}

describe('DevelopersService', () => {
  it("answers the principal's developer from the recent rows, without asking the pool", async () => {
    const stored = developerFixture();
    const { service, developers, identity } = world(stored);
    expect(await service.forPrincipal(PRINCIPAL)).toBe(stored);
    expect(developers.findRecent).toHaveProperty('calls', [['dev-1']]);
    expect(identity.getUser).toHaveProperty('calls', []);
  });

  it('writes the row of a pool user Keyport has not seen, from what the pool says of them', async () => {
    const { service, developers, identity } = world(null);
    expect(await service.forPrincipal(PRINCIPAL)).toMatchObject({ id: 'dev-1', status: 'ACTIVE' });
    expect(identity.getUser).toHaveProperty('calls', [['ada-username']]);
    expect(developers.createIfMissing).toHaveProperty('calls', [
      [{ id: 'dev-1', email: 'ada@example.com', tierSlug: 'standard', confirmedAt: NOW, status: 'ACTIVE' }],
    ]);
  });

  it('writes such a row pending and unconfirmed when sign-ups need approval and the pool has not confirmed the user', async () => {
    const { service, developers } = world(null, { approval: 'manual', poolConfirmed: false });
    await service.forPrincipal(PRINCIPAL);
    expect(developers.createIfMissing).toHaveProperty('calls.0.0', expect.objectContaining({ confirmedAt: null, status: 'PENDING' }));
  });

  it('refuses an admin who never signed up as a developer (NOT_A_DEVELOPER) and creates nothing', async () => {
    const { service, developers, identity } = world(null);
    await expect(service.forPrincipal({ ...PRINCIPAL, groups: [ADMIN_GROUP] })).rejects.toMatchObject({ code: 'NOT_A_DEVELOPER' });
    expect(identity.getUser).toHaveProperty('calls', []);
    expect(developers.createIfMissing).toHaveProperty('calls', []);
  });

  it('serves an admin who did sign up as a developer', async () => {
    const stored = developerFixture();
    const { service } = world(stored);
    expect(await service.forPrincipal({ ...PRINCIPAL, groups: [ADMIN_GROUP] })).toBe(stored);
  });

  it.each([
    ['SUSPENDED', 'ACCOUNT_SUSPENDED'],
    ['DELETED', 'ACCOUNT_DELETED'],
  ] as const)('refuses a %s developer their own routes (%s)', async (status, code) => {
    const { service } = world(developerFixture({ status }));
    await expect(service.requireActive(PRINCIPAL)).rejects.toMatchObject({ kind: 'FORBIDDEN', code });
  });

  it.each(['ACTIVE', 'PENDING'] as const)('lets a %s developer through requireActive', async (status) => {
    const { service } = world(developerFixture({ status }));
    expect(await service.requireActive(PRINCIPAL)).toMatchObject({ status });
  });

  it('answers NOT_FOUND for an unknown developer id', async () => {
    const { service } = world(null);
    await expect(service.get('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('confirms a sign-up in the pool, then marks it confirmed and audits it in one transaction', async () => {
    const { service, identity, developers, audit, effects } = world(developerFixture({ confirmedAt: null }));
    await service.adminConfirm('dev-1');
    expect(identity.adminConfirm).toHaveProperty('calls', [['ada@example.com']]);
    expect(developers.markConfirmed).toHaveProperty('calls', [['dev-1', NOW]]);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'developer.confirmed', targetType: 'developer', targetId: 'dev-1', before: { confirmed: false }, after: { confirmed: true } }],
    ]);
    expect(effects).toEqual(['adminConfirm (outside the transaction)', 'markConfirmed', 'audit']);
  });

  it('does not ask the pool to confirm an unknown developer', async () => {
    const { service, identity } = world(null);
    await expect(service.adminConfirm('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(identity.adminConfirm).toHaveProperty('calls', []);
  });
});
