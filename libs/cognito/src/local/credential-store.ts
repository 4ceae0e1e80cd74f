import { chmod } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'cognito-local/lib/services/context';
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore';
import type { DataStoreFactory } from 'cognito-local/lib/services/dataStore/factory';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb';
import { PRIVATE_FILE_MODE } from '@keyport/common';
import { type PasswordHasher, hashRefreshToken, isRefreshTokenHash } from './password-hasher';

type StoredUser = Record<string, unknown> & { Password?: unknown; PasswordHash?: unknown; RefreshTokens?: unknown };

/**
 * cognito-local's JSON store with no secret kept in clear, in files only the owner can read.
 * On disk a user has `PasswordHash` (scrypt) and no `Password`, and hashed `RefreshTokens`.
 * Reading gives cognito-local's shape back with `Password` set to the hash; writing a user whose
 * `Password` differs from its `PasswordHash` means a new password, which is hashed. The targets'
 * own `user.Password !== candidate` test then only passes for a candidate the credential router
 * (credential-router.ts) has verified and replaced by the hash.
 */
export class CredentialStoreFactory implements DataStoreFactory {
  private readonly files: StormDBDataStoreFactory;

  constructor(
    private readonly directory: string,
    private readonly hasher: PasswordHasher,
  ) {
    this.files = new StormDBDataStoreFactory(directory);
  }

  async create(ctx: Context, id: string, defaults: object): Promise<DataStore> {
    const store = await this.files.create(ctx, id, defaults);
    // StormDB writes a new file with the umask's mode and keeps that mode on every rewrite.
    await chmod(path.join(this.directory, `${id}.json`), PRIVATE_FILE_MODE);
    return new CredentialStore(store, this.hasher);
  }
}

class CredentialStore implements DataStore {
  constructor(
    private readonly inner: DataStore,
    private readonly hasher: PasswordHasher,
  ) {}

  delete(ctx: Context, key: string | string[]): Promise<void> {
    return this.inner.delete(ctx, key);
  }

  async getRoot<T>(ctx: Context): Promise<T | null> {
    const root = await this.inner.getRoot<Record<string, unknown>>(ctx);
    if (!root || !isRecord(root.Users)) return root as T | null;
    return { ...root, Users: mapValues(root.Users, asRead) } as T;
  }

  async get<T>(ctx: Context, key: string | string[], defaultValue?: T): Promise<T> {
    const value = await this.inner.get<unknown>(ctx, key, defaultValue);
    const path = Array.isArray(key) ? key : [key];
    if (path[0] !== 'Users' || !isRecord(value)) return value as T;
    return (path.length === 1 ? mapValues(value, asRead) : asRead(value)) as T;
  }

  async set(ctx: Context, key: string | string[], value: unknown): Promise<void> {
    const path = Array.isArray(key) ? key : [key];
    if (path[0] === 'Users' && isRecord(value)) {
      const stored = path.length === 1 ? await mapValuesAsync(value, (user) => this.toStored(user)) : await this.toStored(value);
      return this.inner.set(ctx, key, stored);
    }
    return this.inner.set(ctx, key, value);
  }

  private async toStored(value: unknown): Promise<unknown> {
    if (!isRecord(value)) return value;
    const { Password: password, ...user } = value as StoredUser;
    if (typeof password === 'string' && password !== user.PasswordHash) user.PasswordHash = await this.hasher.hash(password);
    if (Array.isArray(user.RefreshTokens)) {
      user.RefreshTokens = user.RefreshTokens.map((token: unknown) =>
        typeof token === 'string' && !isRefreshTokenHash(token) ? hashRefreshToken(token) : token,
      );
    }
    return user;
  }
}

function asRead(value: unknown): unknown {
  if (!isRecord(value) || typeof value.PasswordHash !== 'string') return value;
  return { ...value, Password: value.PasswordHash };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapValues(record: Record<string, unknown>, map: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

async function mapValuesAsync(record: Record<string, unknown>, map: (value: unknown) => Promise<unknown>): Promise<Record<string, unknown>> {
  const entries = await Promise.all(Object.entries(record).map(async ([key, value]) => [key, await map(value)] as const));
  return Object.fromEntries(entries);
}
