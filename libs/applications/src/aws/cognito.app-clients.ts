import {
  AddUserPoolClientSecretCommand,
  type CognitoIdentityProviderClient,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolClientSecretCommand,
  DescribeResourceServerCommand,
  ListUserPoolClientSecretsCommand,
  UpdateResourceServerCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DomainError, ErrorKind, conflict } from '@keyport/common';
import { type CognitoConnection, cognitoDomainError, sdkErrorName } from '@keyport/cognito';
import { type AddedClientSecret, AppClients, type CreatedAppClient } from '../app-clients.port';

/**
 * AppClients on a Cognito user pool through the SDK: CreateResourceServer / UpdateResourceServer,
 * CreateUserPoolClient with GenerateSecret and only the client_credentials flow, and the client
 * secret operations (Add/Delete/ListUserPoolClientSecrets) for rotation with a grace period.
 * Access tokens live 60 minutes, Cognito's default.
 */
export class CognitoAppClients extends AppClients {
  readonly tokenEndpoint: string;

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly connection: CognitoConnection,
    cognitoDomain: string | undefined,
  ) {
    super();
    // The embedded Cognito serves the grant itself; a real pool at its domain.
    this.tokenEndpoint = `${connection.local ? (connection.endpoint ?? '') : (cognitoDomain ?? '')}/oauth2/token`;
  }

  private get pool(): string {
    return this.connection.userPoolId;
  }

  async ensureResourceServer(identifier: string, scopes: readonly string[]): Promise<void> {
    const Scopes = scopes.map((ScopeName) => ({ ScopeName, ScopeDescription: `${ScopeName} access to ${identifier}` }));
    const input = { UserPoolId: this.pool, Identifier: identifier, Name: identifier, Scopes };
    const existing = await this.call(() => this.client.send(new DescribeResourceServerCommand({ UserPoolId: this.pool, Identifier: identifier })), {
      ResourceNotFoundException: () => new DomainError(ErrorKind.NotFound, 'absent'),
    }).catch((error: unknown) => {
      if (error instanceof DomainError && error.kind === ErrorKind.NotFound) return undefined;
      throw error;
    });
    if (!existing) {
      await this.call(() => this.client.send(new CreateResourceServerCommand(input)));
      return;
    }
    const current = (existing.ResourceServer?.Scopes ?? [])
      .map((s) => s.ScopeName)
      .sort()
      .join(' ');
    if (current !== [...scopes].sort().join(' ')) await this.call(() => this.client.send(new UpdateResourceServerCommand(input)));
  }

  async create(name: string, scopes: readonly string[]): Promise<CreatedAppClient> {
    const created = await this.call(() =>
      this.client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: this.pool,
          ClientName: name,
          GenerateSecret: true,
          AllowedOAuthFlows: ['client_credentials'],
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthScopes: [...scopes],
          ExplicitAuthFlows: [],
          AccessTokenValidity: 60,
          TokenValidityUnits: { AccessToken: 'minutes' },
          EnableTokenRevocation: true,
        }),
      ),
    );
    const clientId = created.UserPoolClient?.ClientId;
    const clientSecret = created.UserPoolClient?.ClientSecret;
    if (!clientId || !clientSecret) throw new Error('Cognito returned an app client without an id or secret');
    return { clientId, clientSecret };
  }

  async secretIds(clientId: string): Promise<string[]> {
    const listed = await this.call(() => this.client.send(new ListUserPoolClientSecretsCommand({ UserPoolId: this.pool, ClientId: clientId })));
    return [...(listed.ClientSecrets ?? [])]
      .sort((a, b) => (a.ClientSecretCreateDate?.getTime() ?? 0) - (b.ClientSecretCreateDate?.getTime() ?? 0))
      .flatMap((s) => (s.ClientSecretId ? [s.ClientSecretId] : []));
  }

  async addSecret(clientId: string): Promise<AddedClientSecret> {
    const added = await this.call(() => this.client.send(new AddUserPoolClientSecretCommand({ UserPoolId: this.pool, ClientId: clientId })), {
      LimitExceededException: () =>
        conflict('The application already has two secrets: the previous one is still in its grace period', 'SECRET_ROTATION_IN_GRACE'),
    });
    const descriptor = added.ClientSecretDescriptor;
    if (!descriptor?.ClientSecretId || !descriptor.ClientSecretValue) throw new Error('Cognito returned no client secret');
    return { secretId: descriptor.ClientSecretId, clientSecret: descriptor.ClientSecretValue };
  }

  async deleteSecret(clientId: string, secretId: string): Promise<void> {
    await this.call(() =>
      this.client.send(new DeleteUserPoolClientSecretCommand({ UserPoolId: this.pool, ClientId: clientId, ClientSecretId: secretId })),
    ).catch((error: unknown) => {
      if (!(error instanceof DomainError && error.kind === ErrorKind.NotFound)) throw error;
    });
  }

  async delete(clientId: string): Promise<void> {
    await this.call(() => this.client.send(new DeleteUserPoolClientCommand({ UserPoolId: this.pool, ClientId: clientId }))).catch((error: unknown) => {
      if (!(error instanceof DomainError && error.kind === ErrorKind.NotFound)) throw error;
    });
  }

  private async call<T>(send: () => Promise<T>, cases: Partial<Record<string, () => DomainError>> = {}): Promise<T> {
    try {
      return await send();
    } catch (error) {
      // A client or secret already gone is reported as such, not as a misconfigured pool.
      const gone = sdkErrorName(error) === 'ResourceNotFoundException' && !cases.ResourceNotFoundException;
      throw gone ? new DomainError(ErrorKind.NotFound, 'App client not found') : cognitoDomainError(error, cases);
    }
  }
}
