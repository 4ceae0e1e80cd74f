import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { createCognitoClient } from './cognito-client';
import { CognitoConnection, type OpenedCognitoConnection, openCognitoConnection } from './cognito-connection';
import { CognitoShutdownHook, OPENED_COGNITO_CONNECTION } from './cognito-shutdown.hook';
import { CognitoAccessTokenVerifier } from './cognito.access-token-verifier';
import { CognitoIdentityProvider } from './cognito.identity-provider';
import { AccessTokenVerifier, IdentityProvider } from './identity-provider.port';

const logger = new Logger('Cognito');

/** The embedded pool sends no e-mail: outside production, the codes it would have sent are logged. */
export const logsConfirmationCodes = (config: AppConfig): boolean => config.cognito.mode === 'local' && config.env !== 'production';

/**
 * The user pool for the whole application. Needs AppConfig (provided globally by ConfigModule).
 * Resolves the connection at start (in `local` mode starting cognito-local in this process and
 * provisioning its pool), and provides IdentityProvider, AccessTokenVerifier and CognitoConnection.
 * The embedded server stops on application shutdown (`app.enableShutdownHooks()` for signals).
 */
@Global()
@Module({
  providers: [
    {
      provide: OPENED_COGNITO_CONNECTION,
      useFactory: (config: AppConfig): Promise<OpenedCognitoConnection> =>
        openCognitoConnection(config.cognito, {
          production: config.env === 'production',
          test: config.env === 'test',
          ...(logsConfirmationCodes(config)
            ? {
                onCode: (d) =>
                  logger.log(
                    `${d.kind === 'temporary-password' ? 'Temporary password' : 'Code'} for ${d.destination} (embedded Cognito, not e-mailed): ${d.code}`,
                  ),
              }
            : {}),
        }),
      inject: [AppConfig],
    },
    {
      provide: CognitoConnection,
      useFactory: (opened: OpenedCognitoConnection): CognitoConnection => opened.connection,
      inject: [OPENED_COGNITO_CONNECTION],
    },
    {
      provide: CognitoIdentityProviderClient,
      useFactory: (connection: CognitoConnection): CognitoIdentityProviderClient =>
        createCognitoClient({
          region: connection.region,
          ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
          local: connection.local,
          ...(connection.embeddedSecret ? { embeddedSecret: connection.embeddedSecret } : {}),
        }),
      inject: [CognitoConnection],
    },
    {
      provide: IdentityProvider,
      useFactory: (client: CognitoIdentityProviderClient, connection: CognitoConnection): IdentityProvider => new CognitoIdentityProvider(client, connection),
      inject: [CognitoIdentityProviderClient, CognitoConnection],
    },
    {
      provide: AccessTokenVerifier,
      useFactory: (connection: CognitoConnection): AccessTokenVerifier => new CognitoAccessTokenVerifier(connection),
      inject: [CognitoConnection],
    },
    CognitoShutdownHook,
  ],
  exports: [IdentityProvider, AccessTokenVerifier, CognitoConnection, CognitoIdentityProviderClient],
})
export class CognitoModule {}
