import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type Provider } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { CognitoConnection } from '@keyport/cognito';
import { AppClients } from '../app-clients.port';
import { CognitoAppClients } from './cognito.app-clients';

/** App clients are Cognito's (the embedded one included): the SDK client the Cognito lib made. */
export const appClientsProvider: Provider = {
  provide: AppClients,
  inject: [CognitoIdentityProviderClient, CognitoConnection, AppConfig],
  useFactory: (client: CognitoIdentityProviderClient, connection: CognitoConnection, config: AppConfig): AppClients =>
    new CognitoAppClients(client, connection, config.applications.cognitoDomain),
};
