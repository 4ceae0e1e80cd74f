import { Module } from '@nestjs/common';
import { DeveloperAccountsModule } from '@keyport/developers';
import { KeysModule } from '@keyport/keys';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { AuthorizerDirectory } from './authorizer-directory.service';
import { appClientsProvider } from './aws/app-clients.provider';
import { SecretRetirementScheduler } from './secret-retirement.scheduler';

/** Applications with client credentials; needs the global CognitoModule, DbModule, AuditModule. */
@Module({
  imports: [KeysModule, DeveloperAccountsModule],
  providers: [ApplicationsRepository, ApplicationsService, AuthorizerDirectory, SecretRetirementScheduler, appClientsProvider],
  exports: [ApplicationsService, AuthorizerDirectory],
})
export class ApplicationsModule {}
