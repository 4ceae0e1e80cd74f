import { Module } from '@nestjs/common';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { appClientsProvider } from './aws/app-clients.provider';
import { SecretRetirementScheduler } from './secret-retirement.scheduler';

/** Applications with client credentials; needs the global CognitoModule, DbModule, AuditModule. */
@Module({
  providers: [ApplicationsRepository, ApplicationsService, SecretRetirementScheduler, appClientsProvider],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
