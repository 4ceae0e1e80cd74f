import { describe, expect, it } from 'vitest';
import { type AuditLog } from '@keyport/audit';
import { type Clock, type RandomSource, RequestContext } from '@keyport/common';
import { ADMIN_GROUP, type IdentityProvider } from '@keyport/cognito';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type DevelopersRepository } from './developers.repository';
import { type Invitation } from './invitation';
import { type InvitationsRepository } from './invitations.repository';
import { INVITATION_LIST_LIMIT, InvitationsService } from './invitations.service';

const NOW = new Date('2026-03-18T10:00:00Z');
const INVITATION_ID = '00000000-0000-4000-8000-00000000000a';

function invitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'inv-1',
    email: 'ada@example.com',
    userId: 'sub-1',
    admin: false,
    invitedBy: 'boss',
    acceptedAt: null,
    lastSentAt: new Date('2026-03-01T00:00:00Z'),
    createdAt: new Date('2026-03-01T00:00:00Z'),
    ...overrides,
  };
}

function world(stored: Invitation | null, options: { accepts?: boolean } = {}) {
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const inside = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (outside the transaction)'}`);
  const invitations = strictFake<InvitationsRepository>('InvitationsRepository', {
    findByEmail: recorder(async () => (inside('findByEmail'), stored)),
    findById: recorder(async (id: string) => (inside('findById'), stored?.id === id ? stored : null)),
    insert: recorder(async (row: Omit<Invitation, 'acceptedAt' | 'createdAt'>) => (inside('insert'), { ...row, acceptedAt: null, createdAt: NOW })),
    remove: recorder(async (id: string) => void inside(`remove ${id}`)),
    list: recorder(async () => [invitation()]),
    markSent: recorder(async (id: string, at: Date) => (inside('markSent'), invitation({ id, lastSentAt: at }))),
    markAccepted: recorder(async () => (inside('markAccepted'), options.accepts ?? true)),
  });
  const developers = strictFake<DevelopersRepository>('DevelopersRepository', {
    createIfMissing: recorder(async () => (inside('createIfMissing'), developerFixture())),
    removeInvited: recorder(async (id: string) => void inside(`removeInvited ${id}`)),
    markConfirmed: recorder(async () => void inside('markConfirmed')),
  });
  const identity = strictFake<IdentityProvider>('IdentityProvider', {
    invite: recorder(async () => (inside('invite'), { userId: 'sub-1' })),
    setGroupMembership: recorder(async () => void inside('setGroupMembership')),
    resendInvitation: recorder(async () => void inside('resendInvitation')),
    deleteUser: recorder(async (email: string) => void inside(`deleteUser ${email}`)),
  });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async () => void inside('audit')) });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const random = strictFake<RandomSource>('RandomSource', { uuid: () => INVITATION_ID });
  const service = new InvitationsService(invitations, developers, identity, audit, transactions.asTransactions(), clock, random);
  return { service, invitations, developers, identity, audit, effects };
}

const asAdmin = <T>(work: () => Promise<T>) => RequestContext.run({ requestId: 'r1', actor: { type: 'admin', id: 'boss' } }, work);

describe('InvitationsService', () => {
  it('invites a developer: the pool user first, then the invitation, an unconfirmed developer row and the audit in one transaction', async () => {
    const { service, invitations, developers, identity, audit, effects } = world(null);
    const created = await asAdmin(() => service.invite(' Ada@Example.COM ', false));
    expect(created.id).toBe(INVITATION_ID);
    expect(identity.invite).toHaveProperty('calls', [['ada@example.com']]);
    expect(invitations.insert).toHaveProperty('calls', [
      [{ id: created.id, email: 'ada@example.com', userId: 'sub-1', admin: false, invitedBy: 'boss', lastSentAt: NOW }],
    ]);
    expect(developers.createIfMissing).toHaveProperty('calls', [[{ id: 'sub-1', email: 'ada@example.com', tierSlug: 'standard', confirmedAt: null }]]);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'invitation.created', targetType: 'invitation', targetId: created.id, after: { email: 'ada@example.com', admin: false } }],
    ]);
    expect(effects).toEqual(['invite (outside the transaction)', 'findByEmail', 'insert', 'createIfMissing', 'audit']);
  });

  it('invites an admin into the admin group and writes no developer row', async () => {
    const { service, identity, developers } = world(null);
    expect(await service.invite('boss2@example.com', true)).toMatchObject({ admin: true, invitedBy: null });
    expect(identity.setGroupMembership).toHaveProperty('calls', [['boss2@example.com', ADMIN_GROUP, true]]);
    expect(developers.createIfMissing).toHaveProperty('calls', []);
  });

  it('replaces the row a cancelled invitation for the same address left behind', async () => {
    const { service, effects } = world(invitation({ id: 'stale' }));
    await service.invite('ada@example.com', false);
    expect(effects).toEqual(['invite (outside the transaction)', 'findByEmail', 'remove stale', 'insert', 'createIfMissing', 'audit']);
  });

  it(`lists at most ${INVITATION_LIST_LIMIT} invitations`, async () => {
    const { service, invitations } = world(null);
    expect(await service.list()).toHaveLength(1);
    expect(invitations.list).toHaveProperty('calls', [[INVITATION_LIST_LIMIT]]);
  });

  it('resends a pending invitation through the pool, then records when and audits it', async () => {
    const { service, invitations, audit, effects } = world(invitation());
    expect(await service.resend('inv-1')).toMatchObject({ lastSentAt: NOW });
    expect(invitations.markSent).toHaveProperty('calls', [['inv-1', NOW]]);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'invitation.resent', targetType: 'invitation', targetId: 'inv-1', after: { email: 'ada@example.com' } }],
    ]);
    expect(effects).toEqual(['findById (outside the transaction)', 'resendInvitation (outside the transaction)', 'markSent', 'audit']);
  });

  it('cancels a developer invitation: the invitation, the developer row, the audit and the pool user, in one transaction', async () => {
    const { service, audit, effects } = world(invitation());
    await service.cancel('inv-1');
    expect(effects).toEqual(['findById (outside the transaction)', 'remove inv-1', 'removeInvited sub-1', 'audit', 'deleteUser ada@example.com']);
    expect(audit.record).toHaveProperty('calls', [
      [
        {
          action: 'invitation.cancelled',
          targetType: 'invitation',
          targetId: 'inv-1',
          before: { email: 'ada@example.com', admin: false },
          after: null,
        },
      ],
    ]);
  });

  it("cancels an admin invitation without touching developers (an admin's has no row)", async () => {
    const { service, developers } = world(invitation({ admin: true }));
    await service.cancel('inv-1');
    expect(developers.removeInvited).toHaveProperty('calls', []);
  });

  it.each(['resend', 'cancel'] as const)(
    'refuses to %s an unknown (NOT_FOUND) or accepted (INVITATION_ACCEPTED) invitation, changing nothing',
    async (action) => {
      const { service, effects } = world(null);
      await expect(service[action]('inv-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const { service: accepted, effects: acceptedEffects } = world(invitation({ acceptedAt: NOW }));
      await expect(accepted[action]('inv-1')).rejects.toMatchObject({ kind: 'CONFLICT', code: 'INVITATION_ACCEPTED' });
      expect([...effects, ...acceptedEffects]).toEqual(['findById (outside the transaction)', 'findById (outside the transaction)']);
    },
  );

  it("accepts a developer's invitation: marks it, confirms the developer and audits as the invitee, in one transaction", async () => {
    const { service, invitations, developers, audit, effects } = world(invitation());
    await service.accepted(' ADA@example.com');
    expect(invitations.findByEmail).toHaveProperty('calls', [['ada@example.com']]);
    expect(invitations.markAccepted).toHaveProperty('calls', [['inv-1', NOW]]);
    expect(developers.markConfirmed).toHaveProperty('calls', [['sub-1', NOW]]);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'invitation.accepted', actor: { type: 'developer', id: 'sub-1' }, targetType: 'invitation', targetId: 'inv-1' }],
    ]);
    expect(effects).toEqual(['findByEmail (outside the transaction)', 'markAccepted', 'markConfirmed', 'audit']);
  });

  it("accepts an admin's invitation as the admin, confirming no developer", async () => {
    const { service, developers, audit } = world(invitation({ admin: true }));
    await service.accepted('ada@example.com');
    expect(developers.markConfirmed).toHaveProperty('calls', []);
    expect(audit.record).toHaveProperty('calls.0.0.actor', { type: 'admin', id: 'sub-1' });
  });

  it('does nothing for a sign-in without an invitation, or a second completion of one already accepted', async () => {
    const { service, effects } = world(null);
    await service.accepted('ada@example.com');
    expect(effects).toEqual(['findByEmail (outside the transaction)']);

    const { service: again, effects: againEffects } = world(invitation(), { accepts: false });
    await again.accepted('ada@example.com');
    expect(againEffects).toEqual(['findByEmail (outside the transaction)', 'markAccepted']);
  });
});
