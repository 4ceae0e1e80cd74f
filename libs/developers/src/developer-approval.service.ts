import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { conflict, notFound } from '@keyport/common';
import { IdentityProvider } from '@keyport/cognito';
import { Transactions } from '@keyport/db';
import { type Developer } from './developer';
import { DeveloperDeletionService } from './developer-deletion.service';
import { DevelopersRepository } from './developers.repository';

/**
 * Sign-up approval (SIGNUP_APPROVAL=manual): a pending developer is approved (ACTIVE: keys and
 * applications allowed) or declined (the Cognito account and the row are removed, so the address
 * may sign up again). A sign-up that already holds records (an admin's quota grant, a subscription)
 * cannot lose its row: declining it ends the account as a deletion does (status DELETED, the
 * address released, billing told through the outbox). Each decision is audited once.
 */
@Injectable()
export class DeveloperApprovalService {
  constructor(
    private readonly developers: DevelopersRepository,
    private readonly identity: IdentityProvider,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly deletion: DeveloperDeletionService,
  ) {}

  approve(id: string): Promise<Developer> {
    return this.transactions.run(async () => {
      const before = await this.pending(id);
      const after = await this.developers.setStatus(id, 'ACTIVE', null);
      await this.audit.record({
        action: 'developer.approved',
        targetType: 'developer',
        targetId: id,
        before: { status: before.status },
        after: { status: after.status },
      });
      return after;
    });
  }

  /** The row goes in the same transaction as the Cognito account: a pool that fails leaves the sign-up pending. */
  async decline(id: string): Promise<void> {
    const ended = await this.transactions.run(async () => {
      const before = await this.pending(id);
      if (!(await this.developers.removePendingUnlessReferenced(id))) return this.deletion.endInside(before, 'developer.declined');
      await this.audit.record({
        action: 'developer.declined',
        targetType: 'developer',
        targetId: id,
        before: { status: before.status, email: before.email },
        after: null,
      });
      await this.identity.deleteUser(before.email);
      return null;
    });
    if (ended) await this.deletion.finish(ended);
  }

  private async pending(id: string): Promise<Developer> {
    const developer = await this.developers.lock(id);
    if (!developer) throw notFound('Developer');
    if (developer.status !== 'PENDING') throw conflict('The developer is not waiting for approval', 'NOT_PENDING');
    return developer;
  }
}
