import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { Clock, conflict, notFound } from '@keyport/common';
import { IdentityProvider } from '@keyport/cognito';
import { Transactions } from '@keyport/db';
import { KeysService } from '@keyport/keys';
import { OutboxWriter } from '@keyport/outbox';
import { type Developer } from './developer';
import { DeveloperApplications } from './developer-applications.port';
import { type DeveloperDeletedMessage, DeveloperOutboxType, developerAggregate } from './developer-messages';
import { DevelopersRepository } from './developers.repository';

/** What `endInside` did, for `finish` to complete once the transaction has committed. */
export interface EndedAccount {
  developerId: string;
  email: string;
  revokedKeyIds: string[];
}

/**
 * The one way a developer account ends, whether the developer deletes it (DELETE /v1/me), an admin
 * does (DELETE /v1/admin/developers/{id}) or an admin declines a sign-up that already holds records
 * (DeveloperApprovalService). In one transaction: status DELETED, the e-mail released (so it may
 * sign up again), every live key revoked (the gateway follows through the outbox), every
 * application deleted (its tokens refused at once), a `developer.deleted` item for billing to end
 * any subscription at once, one audit entry. Then the identity and the applications' app clients
 * are removed from the user pool. The row and the audit trail stay.
 */
@Injectable()
export class DeveloperDeletionService {
  constructor(
    private readonly developers: DevelopersRepository,
    private readonly keys: KeysService,
    private readonly outbox: OutboxWriter,
    private readonly identity: IdentityProvider,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly applications: DeveloperApplications,
  ) {}

  async delete(id: string): Promise<void> {
    const ended = await this.transactions.run(async () => {
      const before = await this.developers.lock(id);
      if (!before) throw notFound('Developer');
      if (before.status === 'DELETED') return null;
      return this.endInside(before, 'developer.deleted');
    });
    if (ended) return this.finish(ended);
    // The pool's user name is the `sub`, which is the developer id: this also finishes a deletion
    // whose identity or app client removal failed before (the pool was unreachable), when an admin retries it.
    await this.identity.deleteUser(id);
    await this.applications.forgetClientsOf(id);
    throw conflict('The developer is already deleted', 'ALREADY_DELETED');
  }

  /** The account's end inside the caller's transaction, `before` locked by it; `action` names the audit entry. */
  async endInside(before: Developer, action: 'developer.deleted' | 'developer.declined'): Promise<EndedAccount> {
    const id = before.id;
    await this.developers.markDeleted(id);
    // Managed keys included, so they are announced below; the applications then find none left to revoke.
    const revokedKeyIds = await this.keys.revokeAllInside(id);
    await this.applications.deleteAllInside(id);
    const message: DeveloperDeletedMessage = { developerId: id, deletedAt: this.clock.now().toISOString() };
    await this.outbox.enqueue(developerAggregate(id), DeveloperOutboxType.Deleted, message);
    await this.audit.record({
      action,
      targetType: 'developer',
      targetId: id,
      before: { status: before.status, email: before.email },
      after: { status: 'DELETED', revokedKeys: revokedKeyIds.length },
    });
    return { developerId: id, email: before.email, revokedKeyIds };
  }

  /** After the commit: the gateway learns of the revoked keys at once, and the pool forgets the identity and the app clients. */
  async finish(ended: EndedAccount): Promise<void> {
    this.keys.announceRevoked(ended.revokedKeyIds);
    await this.identity.deleteUser(ended.email);
    await this.applications.forgetClientsOf(ended.developerId);
  }
}
