import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { Clock } from '@keyport/common';
import { DeveloperApplications } from '@keyport/developers';
import { ManagedKeysService } from '@keyport/keys';
import { AppClients } from './app-clients.port';
import { ApplicationsRepository } from './applications.repository';

/**
 * The end of a developer's account, for their applications (DeveloperDeletionService asks through
 * the port): each is deleted as DELETE /v1/applications/{id} deletes it, the row in the deletion's
 * transaction and the app client after the commit, so a failed pool call leaves the tokens refused
 * at the gateway (the row is deleted) and an admin's retry of the deletion forgets the clients again.
 */
@Injectable()
export class DeveloperApplicationsAdapter extends DeveloperApplications {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly clients: AppClients,
    private readonly managedKeys: ManagedKeysService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    super();
  }

  async deleteAllInside(developerId: string): Promise<void> {
    for (const application of await this.applications.listOwned(developerId, 'APPLICATION')) {
      await this.applications.markDeleted(application.id, application.clientId, this.clock.now());
      await this.managedKeys.revoke(application.id);
      await this.audit.record({
        action: 'application.deleted',
        targetType: 'application',
        targetId: application.id,
        before: { name: application.name, clientId: application.clientId },
        after: { reason: 'developer deleted' },
      });
    }
  }

  async forgetClientsOf(developerId: string): Promise<void> {
    for (const clientId of await this.applications.clientIdsOf(developerId)) await this.clients.delete(clientId);
  }
}
