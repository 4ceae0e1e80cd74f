import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { CognitoError, InvalidParameterError, ResourceNotFoundError } from 'cognito-local/lib/errors';
import type { Route } from 'cognito-local/lib/server/Router';
import type { Services } from 'cognito-local/lib/services';
import type { AppClient } from 'cognito-local/lib/services/appClient';
import type { Context } from 'cognito-local/lib/services/context';
import { type ResourceServerStore } from './resource-server.store';

/** Cognito allows two secrets per app client: the current one and the one rotation replaced. */
const MAX_SECRETS = 2;

/** A client secret as the embedded Cognito keeps it: hashed (the value is shown once). */
export interface StoredClientSecret {
  ClientSecretId: string;
  Hash: string;
  /** Seconds since epoch, as Cognito's `ClientSecretCreateDate`. */
  CreatedAt: number;
}

/** cognito-local's app client record with the secrets the embedded Cognito adds to it. */
export type EmbeddedAppClient = AppClient & { KeyportSecrets?: StoredClientSecret[] };

/**
 * Cognito operations cognito-local lacks and Keyport's applications need, implemented on its
 * stores: client secrets generated here (Cognito's length, stored as sha256 hashes, since they
 * are random and shown once), AddUserPoolClientSecret / DeleteUserPoolClientSecret /
 * ListUserPoolClientSecrets for rotation, and the resource-server operations.
 */
export function appClientRoutes(services: Services, inner: (target: string) => Route, resourceServers: ResourceServerStore): Record<string, Route> {
  const { cognito, clock } = services;
  const ownClient = async (ctx: Context, req: { UserPoolId?: unknown; ClientId?: unknown }): Promise<EmbeddedAppClient> => {
    if (typeof req.UserPoolId !== 'string' || typeof req.ClientId !== 'string') throw new InvalidParameterError('UserPoolId and ClientId are required');
    const client = await cognito.getAppClient(ctx, req.ClientId);
    if (!client || client.UserPoolId !== req.UserPoolId) throw new ResourceNotFoundError('User pool client does not exist.');
    return client;
  };
  const save = async (ctx: Context, client: EmbeddedAppClient): Promise<void> => {
    const pool = await cognito.getUserPool(ctx, client.UserPoolId);
    await pool.saveAppClient(ctx, { ...client, LastModifiedDate: clock.get() });
  };
  const addSecret = async (ctx: Context, client: EmbeddedAppClient) => {
    const value = generateClientSecret();
    const stored: StoredClientSecret = {
      ClientSecretId: `${client.ClientId}--${randomUUID()}`,
      Hash: hashSecret(value),
      CreatedAt: Math.floor(clock.get().getTime() / 1000),
    };
    await save(ctx, { ...client, ClientSecret: undefined, KeyportSecrets: [...(client.KeyportSecrets ?? []), stored] });
    return { ClientSecretId: stored.ClientSecretId, ClientSecretValue: value, ClientSecretCreateDate: stored.CreatedAt };
  };

  return {
    CreateUserPoolClient: async (ctx, req: { GenerateSecret?: boolean; AllowedOAuthScopes?: string[]; UserPoolId?: string }) => {
      await checkScopesExist(ctx, resourceServers, req.UserPoolId, req.AllowedOAuthScopes);
      const created = (await inner('CreateUserPoolClient')(ctx, { ...req, GenerateSecret: false })) as {
        UserPoolClient: { ClientId: string } & Record<string, unknown>;
      };
      if (!req.GenerateSecret) return created;
      const client = (await cognito.getAppClient(ctx, created.UserPoolClient.ClientId)) as EmbeddedAppClient;
      const secret = await addSecret(ctx, client);
      return { UserPoolClient: { ...created.UserPoolClient, ClientSecret: secret.ClientSecretValue } };
    },
    DeleteUserPoolClient: inner('DeleteUserPoolClient'),
    AddUserPoolClientSecret: async (ctx, req: { UserPoolId?: unknown; ClientId?: unknown }) => {
      const client = await ownClient(ctx, req);
      if ((client.KeyportSecrets ?? []).length >= MAX_SECRETS) {
        throw new CognitoError('LimitExceededException', 'The app client already has the maximum number of client secrets.');
      }
      return { ClientSecretDescriptor: await addSecret(ctx, client) };
    },
    DeleteUserPoolClientSecret: async (ctx, req: { UserPoolId?: unknown; ClientId?: unknown; ClientSecretId?: unknown }) => {
      const client = await ownClient(ctx, req);
      const remaining = (client.KeyportSecrets ?? []).filter((s) => s.ClientSecretId !== req.ClientSecretId);
      if (remaining.length === (client.KeyportSecrets ?? []).length) throw new ResourceNotFoundError('Client secret does not exist.');
      if (remaining.length === 0) throw new InvalidParameterError('The last client secret of an app client cannot be deleted.');
      await save(ctx, { ...client, KeyportSecrets: remaining });
      return {};
    },
    ListUserPoolClientSecrets: async (ctx, req: { UserPoolId?: unknown; ClientId?: unknown }) => {
      const client = await ownClient(ctx, req);
      return { ClientSecrets: (client.KeyportSecrets ?? []).map((s) => ({ ClientSecretId: s.ClientSecretId, ClientSecretCreateDate: s.CreatedAt })) };
    },
    CreateResourceServer: async (ctx, req: ResourceServerRequest) => {
      await cognito.getUserPool(ctx, requiredString(req.UserPoolId, 'UserPoolId'));
      const server = resourceServerOf(req);
      if (await resourceServers.get(server.UserPoolId, server.Identifier)) throw new InvalidParameterError(`${server.Identifier} already exists in this pool.`);
      await resourceServers.put(server);
      return { ResourceServer: server };
    },
    UpdateResourceServer: async (ctx, req: ResourceServerRequest) => {
      const server = resourceServerOf(req);
      if (!(await resourceServers.get(server.UserPoolId, server.Identifier))) throw new ResourceNotFoundError('Resource server does not exist.');
      await resourceServers.put(server);
      return { ResourceServer: server };
    },
    DescribeResourceServer: async (_ctx, req: ResourceServerRequest) => {
      const found = await resourceServers.get(requiredString(req.UserPoolId, 'UserPoolId'), requiredString(req.Identifier, 'Identifier'));
      if (!found) throw new ResourceNotFoundError('Resource server does not exist.');
      return { ResourceServer: found };
    },
  };
}

interface ResourceServerRequest {
  UserPoolId?: unknown;
  Identifier?: unknown;
  Name?: unknown;
  Scopes?: Array<{ ScopeName?: unknown; ScopeDescription?: unknown }>;
}

function resourceServerOf(req: ResourceServerRequest) {
  const scopes = (req.Scopes ?? []).map((scope) => ({
    ScopeName: requiredString(scope.ScopeName, 'ScopeName'),
    ScopeDescription: requiredString(scope.ScopeDescription, 'ScopeDescription'),
  }));
  return {
    UserPoolId: requiredString(req.UserPoolId, 'UserPoolId'),
    Identifier: requiredString(req.Identifier, 'Identifier'),
    Name: requiredString(req.Name, 'Name'),
    Scopes: scopes,
  };
}

function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new InvalidParameterError(`${name} is required`);
  return value;
}

/** Cognito refuses an app client whose scopes no resource server of the pool defines. */
async function checkScopesExist(ctx: Context, store: ResourceServerStore, userPoolId: string | undefined, scopes: string[] | undefined): Promise<void> {
  for (const scope of scopes ?? []) {
    const slash = scope.lastIndexOf('/');
    const server = slash > 0 && userPoolId ? await store.get(userPoolId, scope.slice(0, slash)) : undefined;
    if (!server?.Scopes.some((s) => s.ScopeName === scope.slice(slash + 1)))
      throw new CognitoError('ScopeDoesNotExistException', `Invalid scope requested: ${scope}`);
  }
}

/** Cognito's secrets are 51 characters of [a-z0-9]; this one carries 256 random bits in the same alphabet. */
function generateClientSecret(): string {
  return BigInt(`0x${randomBytes(32).toString('hex')}`)
    .toString(36)
    .padStart(51, '0');
}

export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Whether `value` is one of the client's current secrets. */
export function secretMatches(client: EmbeddedAppClient, value: string): boolean {
  const sent = Buffer.from(hashSecret(value));
  return (client.KeyportSecrets ?? []).some((stored) => {
    const hash = Buffer.from(stored.Hash);
    return hash.length === sent.length && timingSafeEqual(hash, sent);
  });
}
