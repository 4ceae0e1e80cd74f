import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { conflict, notFound } from '@keyport/common';
import { Transactions } from '@keyport/db';
import { KeysService } from '@keyport/keys';
import { type Developer, type DeveloperStatus } from './developer';
import { DevelopersRepository } from './developers.repository';

/**
 * The one place a developer's status changes: suspends and reinstates. A suspended developer's keys are disabled at the gateway
 * (key sync reads the status) and their own routes answer 403 until they are reinstated.
 */
@Injectable()
export class DeveloperSuspensionService {
  constructor(
    private readonly developers: DevelopersRepository,
    private readonly keys: KeysService,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
  ) {}

  suspend(id: string, reason: string): Promise<Developer> {
    return this.change(id, 'SUSPENDED', reason);
  }

  reinstate(id: string): Promise<Developer> {
    return this.change(id, 'ACTIVE', null);
  }

  private change(id: string, status: DeveloperStatus, reason: string | null): Promise<Developer> {
    return this.transactions.run(async () => {
      const before = await this.developers.lock(id);
      if (!before) throw notFound('Developer');
      if (before.status === status) {
        throw status === 'SUSPENDED'
          ? conflict('Developer is already suspended', 'ALREADY_SUSPENDED')
          : conflict('Developer is not suspended', 'NOT_SUSPENDED');
      }
      const after = await this.developers.setStatus(id, status, reason);
      await this.keys.syncLiveKeys(id, status.toLowerCase());
      await this.audit.record({
        action: status === 'SUSPENDED' ? 'developer.suspended' : 'developer.reinstated',
        targetType: 'developer',
        targetId: id,
        before: { status: before.status, reason: before.suspendedReason },
        after: { status: after.status, reason: after.suspendedReason },
      });
      return after;
    });
  }
}
