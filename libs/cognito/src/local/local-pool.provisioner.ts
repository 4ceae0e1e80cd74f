import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PRIVATE_FILE_MODE, ensurePrivateDir } from '@keyport/common';
import { createCognitoClient } from '../cognito-client';

export const LOCAL_POOL_NAME = 'keyport';
export const LOCAL_CLIENT_NAME = 'keyport-portal';
export const ADMIN_GROUP = 'admin';
export const POOL_FILE = 'pool.json';

export interface ProvisionedPool {
  userPoolId: string;
  clientId: string;
}

export interface LocalPoolProvisionerOptions {
  /** cognito-local endpoint, e.g. http://127.0.0.1:9229 */
  endpoint: string;
  /** Where `pool.json` (the ids) is kept; created with its parents. */
  dataDir: string;
  region?: string;
  /** The embedded Cognito's secret, when it requires one. */
  embeddedSecret?: string;
}

/**
 * Creates, on first run, the `keyport` user pool (e-mail as user name), its app client
 * (USER_PASSWORD_AUTH + REFRESH_TOKEN_AUTH, no secret) and the `admin` group in a cognito-local
 * endpoint, and remembers the ids in `<dataDir>/pool.json`. Later runs reuse them and recreate
 * whatever has gone missing. Goes through the real AWS SDK client, as the app does.
 */
export class LocalPoolProvisioner {
  private constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly file: string,
  ) {}

  static async provision(options: LocalPoolProvisionerOptions): Promise<ProvisionedPool> {
    const client = createCognitoClient({ region: options.region ?? 'local', endpoint: options.endpoint, local: true, embeddedSecret: options.embeddedSecret });
    try {
      return await new LocalPoolProvisioner(client, path.join(path.resolve(options.dataDir), POOL_FILE)).run();
    } finally {
      client.destroy();
    }
  }

  private async run(): Promise<ProvisionedPool> {
    const remembered = await this.readRemembered();
    const userPoolId = (await this.existingPool(remembered?.userPoolId)) ?? (await this.createPool());
    const clientId =
      (await this.existingClient(userPoolId, remembered?.userPoolId === userPoolId ? remembered.clientId : undefined)) ?? (await this.createClient(userPoolId));
    await this.ensureGroup(userPoolId, ADMIN_GROUP);
    const pool = { userPoolId, clientId };
    if (remembered?.userPoolId !== userPoolId || remembered.clientId !== clientId) await this.remember(pool);
    return pool;
  }

  private async existingPool(rememberedId: string | undefined): Promise<string | undefined> {
    if (rememberedId) {
      const found = await ifFound(() => this.client.send(new DescribeUserPoolCommand({ UserPoolId: rememberedId })));
      if (found) return rememberedId;
    }
    // pool.json lost but the emulator's data kept: adopt the pool by name rather than orphan its users.
    const pools = await this.client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    return pools.UserPools?.find((p) => p.Name === LOCAL_POOL_NAME)?.Id;
  }

  private async createPool(): Promise<string> {
    const created = await this.client.send(
      new CreateUserPoolCommand({
        PoolName: LOCAL_POOL_NAME,
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AutoVerifiedAttributes: ['email'],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 8,
            RequireUppercase: true,
            RequireLowercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            TemporaryPasswordValidityDays: 7,
          },
        },
      }),
    );
    const id = created.UserPool?.Id;
    if (!id) throw new Error('cognito-local did not return a user pool id');
    return id;
  }

  private async existingClient(userPoolId: string, rememberedId: string | undefined): Promise<string | undefined> {
    if (rememberedId) {
      const found = await ifFound(() => this.client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: rememberedId })));
      if (found) return rememberedId;
    }
    const clients = await this.client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
    return clients.UserPoolClients?.find((c) => c.ClientName === LOCAL_CLIENT_NAME)?.ClientId;
  }

  private async createClient(userPoolId: string): Promise<string> {
    const created = await this.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: LOCAL_CLIENT_NAME,
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        // Cognito's defaults (cognito-local would otherwise issue 24 h access tokens).
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
        PreventUserExistenceErrors: 'ENABLED',
      }),
    );
    const id = created.UserPoolClient?.ClientId;
    if (!id) throw new Error('cognito-local did not return an app client id');
    return id;
  }

  /** ListGroups, not GetGroup: cognito-local's GetGroup fails with a 500 while a pool has no group at all. */
  private async ensureGroup(userPoolId: string, groupName: string): Promise<void> {
    let nextToken: string | undefined;
    do {
      const page = await this.client.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60, NextToken: nextToken }));
      if (page.Groups?.some((g) => g.GroupName === groupName)) return;
      nextToken = page.NextToken;
    } while (nextToken);
    await this.client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: groupName }));
  }

  private async readRemembered(): Promise<Partial<ProvisionedPool> | undefined> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null) return undefined;
      const { userPoolId, clientId } = parsed as Record<string, unknown>;
      return {
        userPoolId: typeof userPoolId === 'string' ? userPoolId : undefined,
        clientId: typeof clientId === 'string' ? clientId : undefined,
      };
    } catch (error) {
      // Missing or unreadable: provision afresh (the pool is adopted by name if it still exists).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  private async remember(pool: ProvisionedPool): Promise<void> {
    await ensurePrivateDir(path.dirname(this.file));
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(pool, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
    await rename(tmp, this.file);
  }
}

/** Runs a describe call; false when the resource does not exist. */
async function ifFound(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return false;
    throw error;
  }
}
