import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { Clock, conflict, notFound } from '@keyport/common';
import { IdentityProvider } from '@keyport/cognito';
import { Transactions } from '@keyport/db';
import { KeysService } from '@keyport/keys';
import { OutboxWriter } from '@keyport/outbox';
import { type DeveloperDeletedMessage, DeveloperOutboxType, developerAggregate } from './developer-messages';
import { DevelopersRepository } from './developers.repository';

/**
 * The one way a developer account ends, whether the developer deletes it (DELETE /v1/me) or an
 * admin does (DELETE /v1/admin/developers/{id}). In one transaction: status DELETED, the e-mail
 * released (so it may sign up again), every live key revoked (the gateway follows through the
 * outbox), a `developer.deleted` item for billing to end any subscription at once, one audit
 * entry. Then the identity is removed from the user pool. The row and the audit trail stay.
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
  ) {}

  async delete(id: string): Promise<void> {
    const outcome = await this.transactions.run(async () => {
      const before = await this.developers.lock(id);
      if (!before) throw notFound('Developer');
      if (before.status === 'DELETED') return { deleted: false as const };
      await this.developers.markDeleted(id);
      const revokedKeyIds = await this.keys.revokeAllInside(id);
      const message: DeveloperDeletedMessage = { developerId: id, deletedAt: this.clock.now().toISOString() };
      await this.outbox.enqueue(developerAggregate(id), DeveloperOutboxType.Deleted, message);
      await this.audit.record({
        action: 'developer.deleted',
        targetType: 'developer',
        targetId: id,
        before: { status: before.status, email: before.email },
        after: { status: 'DELETED', revokedKeys: revokedKeyIds.length },
      });
      return { deleted: true as const, email: before.email, revokedKeyIds };
    });
    if (outcome.deleted) this.keys.announceRevoked(outcome.revokedKeyIds);
    // The pool's user name is the `sub`, which is the developer id: this also finishes a deletion
    // whose identity removal failed before (the pool was unreachable), when an admin retries it.
    await this.identity.deleteUser(outcome.deleted ? outcome.email : id);
    if (!outcome.deleted) throw conflict('The developer is already deleted', 'ALREADY_DELETED');
  }
}
