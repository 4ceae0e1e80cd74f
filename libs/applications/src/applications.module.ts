import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Module } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { CognitoConnection } from '@keyport/cognito';
import { AppClients } from './app-clients.port';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { CognitoAppClients } from './cognito.app-clients';
import { SecretRetirementScheduler } from './secret-retirement.scheduler';

/** Applications with client credentials; needs the global CognitoModule, DbModule, AuditModule. */
@Module({
  providers: [
    ApplicationsRepository,
    ApplicationsService,
    SecretRetirementScheduler,
    {
      provide: AppClients,
      inject: [CognitoIdentityProviderClient, CognitoConnection, AppConfig],
      useFactory: (client: CognitoIdentityProviderClient, connection: CognitoConnection, config: AppConfig): AppClients =>
        new CognitoAppClients(client, connection, config.applications.cognitoDomain),
    },
  ],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
