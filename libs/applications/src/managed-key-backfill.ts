import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Transactions } from '@keyport/db';
import { DeveloperAccountsService } from '@keyport/developers';
import { ManagedKeysService } from '@keyport/keys';
import { type Application } from './application';
import { ApplicationsRepository } from './applications.repository';

/**
 * Applications created before managed keys existed (migration 20261202235807_managed_api_keys)
 * have none, so with GATEWAY_API_KEY_SOURCE=AUTHORIZER (or the Lambda authorizer) their calls
 * would be refused 403. At each start every live application without a live managed key gets one
 * (the gateway receives it through the outbox). Idempotent, and safe with replicas starting
 * together: the check is repeated under the owner's lock that application creation takes.
 */
@Injectable()
export class ManagedKeyBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger('Applications');

  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly managedKeys: ManagedKeysService,
    private readonly developers: DeveloperAccountsService,
    private readonly transactions: Transactions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const created = await this.run();
      if (created > 0) this.logger.log(`Gave ${created} application(s) the managed key they lacked`);
    } catch (error) {
      // The next start tries again; the API serves meanwhile (only those applications are refused).
      this.logger.warn(`Backfilling managed keys failed: ${(error as Error).message}`);
    }
  }

  /** How many managed keys were created. */
  async run(): Promise<number> {
    let created = 0;
    // One read of who has a key, not one read (and an unsealing) per application at every start.
    const withKey = await this.managedKeys.applicationsWithKey();
    for (const application of await this.applications.listKind('APPLICATION')) {
      if (withKey.has(application.id)) continue;
      if (await this.give(application)) created++;
    }
    return created;
  }

  private give(application: Application): Promise<boolean> {
    return this.transactions.run(async () => {
      await this.applications.lockOwner(application.developerId);
      if (await this.managedKeys.current(application.id)) return false;
      // A deleted developer's applications are refused whatever their key; a suspended one's key is disabled with their others.
      if ((await this.developers.findRecent(application.developerId))?.status === 'DELETED') return false;
      await this.managedKeys.create(application.developerId, application.id, application.name);
      return true;
    });
  }
}
