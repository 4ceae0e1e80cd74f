import { Global, Module } from '@nestjs/common';
import { DeveloperAccountsModule, DeveloperApplications } from '@keyport/developers';
import { KeysModule } from '@keyport/keys';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { AuthorizerDirectory } from './authorizer-directory.service';
import { DeveloperApplicationsAdapter } from './developer-applications.adapter';
import { appClientsProvider } from './aws/app-clients.provider';
import { ManagedKeyBackfill } from './managed-key-backfill';
import { SecretRetirementScheduler } from './secret-retirement.scheduler';

/**
 * Applications with client credentials; needs the global CognitoModule, DbModule, AuditModule.
 * Global so that the developers lib's DeveloperDeletionService finds its DeveloperApplications port
 * (the developers lib cannot import this one: this one imports it).
 */
@Global()
@Module({
  imports: [KeysModule, DeveloperAccountsModule],
  providers: [
    ApplicationsRepository,
    ApplicationsService,
    AuthorizerDirectory,
    SecretRetirementScheduler,
    ManagedKeyBackfill,
    appClientsProvider,
    { provide: DeveloperApplications, useClass: DeveloperApplicationsAdapter },
  ],
  exports: [ApplicationsService, AuthorizerDirectory, DeveloperApplications],
})
export class ApplicationsModule {}
