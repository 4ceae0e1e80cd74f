import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { Clock, RandomSource, RequestContext, conflict, notFound } from '@keyport/common';
import { ADMIN_GROUP, IdentityProvider } from '@keyport/cognito';
import { Transactions } from '@keyport/db';
import { DEFAULT_TIER_SLUG } from '@keyport/tiers';
import { normalizeEmail } from './developer';
import { DevelopersRepository } from './developers.repository';
import { type Invitation } from './invitation';
import { InvitationsRepository } from './invitations.repository';

/** The most invitations the list answers (newest first). */
export const INVITATION_LIST_LIMIT = 200;

/**
 * Invitations: an admin creates the user in the pool (Cognito sends a temporary password; the
 * embedded one logs it), the user signs in with it and sets their own (NEW_PASSWORD_REQUIRED).
 * A developer invitation writes the developer row at once, active and already approved (an admin
 * chose them); an admin invitation puts the user in `admin` and makes no developer.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly developers: DevelopersRepository,
    private readonly identity: IdentityProvider,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {}

  async invite(rawEmail: string, admin: boolean): Promise<Invitation> {
    const email = normalizeEmail(rawEmail);
    const { userId } = await this.identity.invite(email);
    if (admin) await this.identity.setGroupMembership(email, ADMIN_GROUP, true);
    return this.transactions.run(async () => {
      // A cancelled invitation for the same address may have left its row behind: the new one replaces it.
      const stale = await this.invitations.findByEmail(email);
      if (stale) await this.invitations.remove(stale.id);
      const now = this.clock.now();
      const invitation = await this.invitations.insert({
        id: this.random.uuid(),
        email,
        userId,
        admin,
        invitedBy: RequestContext.actor().id ?? null,
        lastSentAt: now,
      });
      if (!admin) await this.developers.createIfMissing({ id: userId, email, tierSlug: DEFAULT_TIER_SLUG, confirmedAt: null });
      await this.audit.record({ action: 'invitation.created', targetType: 'invitation', targetId: invitation.id, after: { email, admin } });
      return invitation;
    });
  }

  list(): Promise<Invitation[]> {
    return this.invitations.list(INVITATION_LIST_LIMIT);
  }

  async resend(id: string): Promise<Invitation> {
    const invitation = await this.pending(id);
    await this.identity.resendInvitation(invitation.email);
    return this.transactions.run(async () => {
      const sent = await this.invitations.markSent(id, this.clock.now());
      await this.audit.record({ action: 'invitation.resent', targetType: 'invitation', targetId: id, after: { email: sent.email } });
      return sent;
    });
  }

  /** Cancelling removes the account Cognito holds for it (and its developer row, which has nothing yet). */
  async cancel(id: string): Promise<void> {
    const invitation = await this.pending(id);
    await this.transactions.run(async () => {
      await this.invitations.remove(id);
      if (!invitation.admin) await this.developers.removeInvited(invitation.userId);
      await this.audit.record({
        action: 'invitation.cancelled',
        targetType: 'invitation',
        targetId: id,
        before: { email: invitation.email, admin: invitation.admin },
        after: null,
      });
      await this.identity.deleteUser(invitation.email);
    });
  }

  /** After the invited user set their own password: the invitation is accepted, their sign-up confirmed. */
  async accepted(rawEmail: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    const invitation = await this.invitations.findByEmail(email);
    if (!invitation) return;
    const now = this.clock.now();
    await this.transactions.run(async () => {
      if (!(await this.invitations.markAccepted(invitation.id, now))) return;
      if (!invitation.admin) await this.developers.markConfirmed(invitation.userId, now);
      await this.audit.record({
        action: 'invitation.accepted',
        actor: { type: invitation.admin ? 'admin' : 'developer', id: invitation.userId },
        targetType: 'invitation',
        targetId: invitation.id,
      });
    });
  }

  private async pending(id: string): Promise<Invitation> {
    const invitation = await this.invitations.findById(id);
    if (!invitation) throw notFound('Invitation');
    if (invitation.acceptedAt) throw conflict('The invitation was accepted already', 'INVITATION_ACCEPTED');
    return invitation;
  }
}
