import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DomainError, ErrorKind } from '@keyport/common';
import type { CognitoSettings } from '@keyport/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoClient } from './cognito-client';
import { type OpenedCognitoConnection, openCognitoConnection } from './cognito-connection';
import { CognitoAccessTokenVerifier } from './cognito.access-token-verifier';
import { BAD_CREDENTIALS, CognitoIdentityProvider, NOT_CONFIRMED } from './cognito.identity-provider';
import type { AuthTokens } from './identity-provider.port';
import { decodeJwt } from './testing/forge-jwt';

const PASSWORD = 'Str0ng!Passw0rd';

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('CognitoIdentityProvider against cognito-local', () => {
  let root: string;
  let settings: CognitoSettings;
  let opened: OpenedCognitoConnection;
  let client: CognitoIdentityProviderClient;
  let idp: CognitoIdentityProvider;

  const connect = async (): Promise<void> => {
    opened = await openCognitoConnection(settings);
    client = createCognitoClient({ region: 'local', endpoint: opened.connection.endpoint, local: true, embeddedSecret: opened.connection.embeddedSecret });
    idp = new CognitoIdentityProvider(client, opened.connection);
  };
  const disconnect = async (): Promise<void> => {
    client.destroy();
    await opened.close();
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'keyport-idp-'));
    settings = { mode: 'local', region: 'local', localPort: 0, localDataDir: path.join(root, 'cognito') };
    await connect();
  });
  afterAll(async () => {
    await disconnect();
    await rm(root, { recursive: true, force: true });
  });

  it('signs up, refuses login before confirmation, confirms (admin), logs in, refreshes, verifies', async () => {
    const email = 'Dev.One@Example.com';
    const signed = await idp.signUp(email, PASSWORD);
    expect(signed.confirmed).toBe(false);
    expect(signed.userId).toMatch(/^[0-9a-f-]{36}$/);

    expect((await rejection(idp.signUp('dev.one@example.com', PASSWORD))).kind).toBe(ErrorKind.Conflict);

    const unconfirmed = await rejection(idp.login(email, PASSWORD));
    expect(unconfirmed.kind).toBe(ErrorKind.Unauthenticated);
    expect(unconfirmed.message).toBe(NOT_CONFIRMED);
    // A wrong password does not reveal that the account exists but is unconfirmed.
    expect((await rejection(idp.login(email, 'Wr0ng!Password'))).message).toBe(BAD_CREDENTIALS);

    await idp.adminConfirm(email);
    await idp.adminConfirm(email); // idempotent

    const user = await idp.getUser(email);
    expect(user).toEqual({ userId: signed.userId, email: 'dev.one@example.com', confirmed: true, groups: [] });
    expect(await idp.getUser(signed.userId)).toEqual(user);

    const tokens = (await idp.login(email, PASSWORD)) as AuthTokens;
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresIn).toBeGreaterThan(3500);
    expect(tokens.expiresIn).toBeLessThanOrEqual(3600);
    expect(decodeJwt(tokens.accessToken)).toMatchObject({
      iss: opened.connection.issuer,
      client_id: opened.connection.clientId,
      token_use: 'access',
      sub: signed.userId,
    });

    const verifier = new CognitoAccessTokenVerifier(opened.connection);
    const principal = await verifier.verify(tokens.accessToken);
    expect(principal).toMatchObject({ userId: signed.userId, groups: [] });

    const refreshed = await idp.refresh(tokens.refreshToken ?? '');
    expect(refreshed.refreshToken).toBeUndefined();
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect((await verifier.verify(refreshed.accessToken)).userId).toBe(signed.userId);

    const badRefresh = await rejection(idp.refresh('not-a-refresh-token'));
    expect(badRefresh.kind).toBe(ErrorKind.Unauthenticated);

    // Adding the developer to `admin` shows in the next token's groups.
    const promoted = await idp.ensureAdmin(email, PASSWORD);
    expect(promoted).toEqual({ created: false, userId: signed.userId });
    expect((await idp.getUser(email)).groups).toEqual(['admin']);
    const adminTokens = (await idp.login(email, PASSWORD)) as AuthTokens;
    expect((await verifier.verify(adminTokens.accessToken)).groups).toEqual(['admin']);
  });

  it('confirms with the e-mailed code and rejects a wrong one', async () => {
    const email = 'dev.two@example.com';
    await idp.signUp(email, PASSWORD);
    const code = opened.server?.lastCodeFor(email);
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await rejection(idp.confirmSignUp(email, code === '000000' ? '111111' : '000000'));
    expect(wrong.kind).toBe(ErrorKind.ValidationFailed);

    await idp.confirmSignUp(email, code ?? '');
    expect((await idp.getUser(email)).confirmed).toBe(true);
    expect((await rejection(idp.confirmSignUp(email, code ?? ''))).kind).toBe(ErrorKind.Conflict);
    await idp.login(email, PASSWORD);
  });

  it('gives one message for a wrong password and an unknown e-mail, and never echoes input', async () => {
    const wrongPassword = await rejection(idp.login('dev.two@example.com', 'Secret!Guess1'));
    const unknownUser = await rejection(idp.login('nobody@example.com', 'Secret!Guess1'));
    for (const error of [wrongPassword, unknownUser]) {
      expect(error.kind).toBe(ErrorKind.Unauthenticated);
      expect(error.message).toBe(BAD_CREDENTIALS);
      expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain('Secret!Guess1');
    }
  });

  it('maps unknown users, weak passwords and unknown confirmations', async () => {
    expect((await rejection(idp.getUser('nobody@example.com'))).kind).toBe(ErrorKind.NotFound);
    expect((await rejection(idp.getUser('00000000-0000-4000-8000-000000000000'))).kind).toBe(ErrorKind.NotFound);
    expect((await rejection(idp.adminConfirm('nobody@example.com'))).kind).toBe(ErrorKind.NotFound);
    expect((await rejection(idp.confirmSignUp('nobody@example.com', '123456'))).kind).toBe(ErrorKind.NotFound);

    const weak = await rejection(idp.signUp('weak@example.com', 'lowercaseonly'));
    expect(weak.kind).toBe(ErrorKind.ValidationFailed);
    expect(weak.details?.map((d) => d.message)).toEqual(['must contain an uppercase letter', 'must contain a number', 'must contain a special character']);
    expect(JSON.stringify({ m: weak.message, d: weak.details })).not.toContain('lowercaseonly');
    // Nothing was created for the refused sign-up.
    expect((await rejection(idp.getUser('weak@example.com'))).kind).toBe(ErrorKind.NotFound);
  });

  it('ensureAdmin creates once, is idempotent, and keeps the configured password authoritative', async () => {
    const email = 'admin@example.com';
    const first = await idp.ensureAdmin(email, PASSWORD);
    expect(first.created).toBe(true);
    const second = await idp.ensureAdmin(email, PASSWORD);
    expect(second).toEqual({ created: false, userId: first.userId });

    const admin = await idp.getUser(email);
    expect(admin).toEqual({ userId: first.userId, email, confirmed: true, groups: ['admin'] });
    await idp.login(email, PASSWORD);

    const rotated = 'An0ther!Passw0rd';
    expect(await idp.ensureAdmin(email, rotated)).toEqual({ created: false, userId: first.userId });
    expect((await rejection(idp.login(email, PASSWORD))).message).toBe(BAD_CREDENTIALS);
    await idp.login(email, rotated);
    await idp.ensureAdmin(email, PASSWORD);

    expect((await rejection(idp.ensureAdmin(email, 'short'))).kind).toBe(ErrorKind.ValidationFailed);
  });

  it('pings the pool', async () => {
    await expect(idp.ping()).resolves.toBeUndefined();
  });

  it('after a restart on the same data folder reuses the pool ids and keeps the users', async () => {
    const before = opened.connection;
    await disconnect();

    const restartedAt = performance.now();
    await connect();
    const restartMs = performance.now() - restartedAt;
    console.info(`[cognito] restart (start + reuse pool): ${restartMs.toFixed(0)} ms`);

    expect(opened.connection.userPoolId).toBe(before.userPoolId);
    expect(opened.connection.clientId).toBe(before.clientId);
    const tokens = (await idp.login('dev.one@example.com', PASSWORD)) as AuthTokens;
    const principal = await new CognitoAccessTokenVerifier(opened.connection).verify(tokens.accessToken);
    expect(principal.groups).toEqual(['admin']);
    expect((await idp.ensureAdmin('admin@example.com', PASSWORD)).created).toBe(false);
  });

  it('reports an unreachable pool as Unavailable', async () => {
    const deadClient = createCognitoClient({ region: 'local', endpoint: 'http://127.0.0.1:9', local: true });
    const dead = new CognitoIdentityProvider(deadClient, opened.connection);
    try {
      expect((await rejection(dead.ping())).kind).toBe(ErrorKind.Unavailable);
      expect((await rejection(dead.login('dev.one@example.com', PASSWORD))).kind).toBe(ErrorKind.Unavailable);
    } finally {
      deadClient.destroy();
    }
  });
});
