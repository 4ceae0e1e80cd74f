import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Fetcher } from 'aws-jwt-verify/https';
import { DomainError, ErrorKind } from '@keyport/common';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCognitoClient } from './cognito-client';
import { CognitoConnection, type OpenedCognitoConnection, openCognitoConnection } from './cognito-connection';
import { CognitoAccessTokenVerifier } from './cognito.access-token-verifier';
import { CognitoIdentityProvider } from './cognito.identity-provider';
import { FetchJwksFetcher } from './fetch-jwks.fetcher';
import type { AuthTokens } from './identity-provider.port';
import { type InstallationKey, loadInstallationKey } from './local/installation-key';
import { cognitoLocalPrivateKey, decodeJwt, signJwt } from './testing/forge-jwt';
import { INVALID_TOKEN } from './token-errors';

const PASSWORD = 'Str0ng!Passw0rd';

describe('CognitoAccessTokenVerifier against cognito-local', () => {
  let root: string;
  let opened: OpenedCognitoConnection;
  let client: CognitoIdentityProviderClient;
  let tokens: AuthTokens;
  let userId: string;
  let poolKey: InstallationKey;
  let fetcher: FetchJwksFetcher;
  let verifier: CognitoAccessTokenVerifier;

  /** Valid access-token claims for this pool and client; each test changes one thing. */
  const claims = (overrides: Record<string, unknown> = {}): Record<string, unknown> => {
    const now = Math.floor(Date.now() / 1000);
    return {
      sub: userId,
      username: userId,
      client_id: opened.connection.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      iss: opened.connection.issuer,
      iat: now,
      auth_time: now,
      exp: now + 3600,
      jti: `${Math.random()}`,
      ...overrides,
    };
  };

  const forge = (payload: Record<string, unknown>): string => signJwt(payload, poolKey.privateKey, poolKey.kid);

  const rejected = async (token: string, kind = ErrorKind.Unauthenticated): Promise<void> => {
    const error = await verifier.verify(token).then(
      () => new Error('accepted'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe(kind);
    if (kind === ErrorKind.Unauthenticated) expect((error as DomainError).message).toBe(INVALID_TOKEN);
    if (kind === ErrorKind.Unauthenticated) expect((error as DomainError).code).toBe('TOKEN_INVALID');
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'keyport-verifier-'));
    opened = await openCognitoConnection({
      mode: 'local',
      region: 'local',
      localPort: 0,
      localDataDir: path.join(root, 'cognito'),
    });
    client = createCognitoClient({ region: 'local', endpoint: opened.connection.endpoint, local: true, embeddedSecret: opened.connection.embeddedSecret });
    const idp = new CognitoIdentityProvider(client, opened.connection);
    userId = (await idp.signUp('verify@example.com', PASSWORD)).userId;
    await idp.adminConfirm('verify@example.com');
    tokens = (await idp.login('verify@example.com', PASSWORD)) as AuthTokens;
    // The key this installation's embedded Cognito signs with (tests may read it; it is 0600 in DATA_DIR).
    poolKey = await loadInstallationKey(opened.server!.dataDir);
  });
  beforeAll(() => {
    fetcher = new FetchJwksFetcher();
    verifier = new CognitoAccessTokenVerifier(opened.connection, { fetcher });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    client.destroy();
    await opened.close();
    await rm(root, { recursive: true, force: true });
  });

  it('accepts a real access token twice, the second time from the cache', async () => {
    const coldStart = performance.now();
    const first = await verifier.verify(tokens.accessToken);
    const coldMs = performance.now() - coldStart;
    expect(first).toEqual({
      userId,
      username: userId,
      groups: [],
      expiresAt: decodeJwt(tokens.accessToken).exp,
    });
    const second = await verifier.verify(tokens.accessToken);
    expect(second).toBe(first); // the very object cached at the first verification
    expect(fetcher.fetchCount).toBe(1);
    console.info(`[cognito] first verify (JWKS fetch + RSA): ${coldMs.toFixed(1)} ms`);
  });

  it('accepts a forged token with exactly the right claims (so each rejection below is about one claim)', async () => {
    const principal = await verifier.verify(forge(claims({ 'cognito:groups': ['admin'] })));
    expect(principal.groups).toEqual(['admin']);
  });

  it('rejects an ID token', async () => {
    await rejected(tokens.idToken);
    await rejected(forge(claims({ token_use: 'id', aud: opened.connection.clientId })));
  });

  it('rejects a token signed with another RSA key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await rejected(signJwt(claims(), privateKey, poolKey.kid)); // same kid as the pool's key
    await rejected(signJwt(claims(), privateKey, 'someone-elses-key')); // unknown kid
  });

  it("rejects a token signed with cognito-local's published key, under its kid or this pool's", async () => {
    const published = cognitoLocalPrivateKey();
    await rejected(signJwt(claims({ 'cognito:groups': ['admin'] }), published, 'CognitoLocal'));
    await rejected(signJwt(claims({ 'cognito:groups': ['admin'] }), published, poolKey.kid));
    // Even when a JWKS lists it (a stock cognito-local at COGNITO_ENDPOINT serves exactly that).
    const stock = new CognitoAccessTokenVerifier(opened.connection, { fetcher: stockCognitoLocalJwks() });
    const error = await stock.verify(signJwt(claims(), published, 'CognitoLocal')).catch((e: unknown) => e);
    expect((error as DomainError).kind).toBe(ErrorKind.Unauthenticated);
  });

  it('says TOKEN_EXPIRED of an expired token that is genuine in every other respect', async () => {
    const past = Math.floor(Date.now() / 1000) - 120;
    const error = await verifier.verify(forge(claims({ iat: past - 3600, exp: past }))).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: ErrorKind.Unauthenticated, code: 'TOKEN_EXPIRED' });
  });

  it('says TOKEN_INVALID, never TOKEN_EXPIRED, of an expired token that is wrong in another respect', async () => {
    const past = Math.floor(Date.now() / 1000) - 120;
    const expired = (overrides: Record<string, unknown>) => claims({ iat: past - 3600, exp: past, ...overrides });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await rejected(signJwt(expired({}), privateKey, 'someone-elses-key')); // forged: its expiry is nobody's business
    await rejected(forge(expired({ client_id: 'another-client' })));
    await rejected(forge(expired({ token_use: 'id', aud: opened.connection.clientId })));
    await rejected(forge(expired({ iss: `http://127.0.0.1:1/${opened.connection.userPoolId}` })));
    await rejected(forge(expired({ sub: undefined })));
  });

  it('rejects a token of another client, another issuer, without token_use, and garbage', async () => {
    await rejected(forge(claims({ client_id: 'another-client' })));
    await rejected(forge(claims({ iss: `http://127.0.0.1:1/${opened.connection.userPoolId}` })));
    await rejected(forge(claims({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abcdefghi' })));
    const { token_use: _dropped, ...withoutUse } = claims();
    await rejected(forge(withoutUse));
    await rejected('');
    await rejected('garbage');
    await rejected('a.b.c');
    await rejected(`${tokens.accessToken.slice(0, -4)}AAAA`); // tampered signature
    await rejected(undefined as unknown as string);
  });

  it('never caches a failure as a success', async () => {
    const forged = forge(claims({ client_id: 'another-client' }));
    await rejected(forged);
    await rejected(forged);
  });

  it('keeps a cached token only until its exp', async () => {
    const now = Date.now();
    const shortLived = forge(claims({ exp: Math.floor(now / 1000) + 30 }));
    const cached = await verifier.verify(shortLived);
    expect(await verifier.verify(shortLived)).toBe(cached);
    vi.useFakeTimers({ toFake: ['Date'], now: now + 31_000 + 1_000 });
    await expect(verifier.verify(shortLived)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('fetches the JWKS once for many tokens (never per request), and measures cold vs cached', async () => {
    const freshFetcher = new FetchJwksFetcher();
    const fresh = new CognitoAccessTokenVerifier(opened.connection, { fetcher: freshFetcher });
    const distinct = Array.from({ length: 300 }, () => forge(claims()));

    const t0 = performance.now();
    await fresh.verify(distinct[0] ?? '');
    const firstMs = performance.now() - t0;

    const t1 = performance.now();
    for (const token of distinct.slice(1)) await fresh.verify(token);
    const uncachedMs = (performance.now() - t1) / (distinct.length - 1);

    const t2 = performance.now();
    const rounds = 20;
    for (let i = 0; i < rounds; i += 1) for (const token of distinct) await fresh.verify(token);
    const cachedMs = (performance.now() - t2) / (rounds * distinct.length);

    expect(freshFetcher.fetchCount).toBe(1);
    console.info(
      `[cognito] verify: first ${firstMs.toFixed(2)} ms (incl. JWKS fetch), ` +
        `uncached ${(uncachedMs * 1000).toFixed(0)} µs/token, cached ${(cachedMs * 1000).toFixed(1)} µs/token ` +
        `(x${(uncachedMs / cachedMs).toFixed(0)})`,
    );
    expect(cachedMs).toBeLessThan(uncachedMs);
  });

  it('refetches for an unknown kid at most once per penalty period', async () => {
    const freshFetcher = new FetchJwksFetcher();
    const fresh = new CognitoAccessTokenVerifier(opened.connection, { fetcher: freshFetcher });
    await fresh.verify(forge(claims()));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    for (let i = 0; i < 20; i += 1) {
      await expect(fresh.verify(signJwt(claims(), privateKey, `rotated-${i}`))).rejects.toBeInstanceOf(DomainError);
    }
    expect(freshFetcher.fetchCount).toBeLessThanOrEqual(2);
  });

  it('reports an unreachable JWKS as Unavailable, not as a bad token', async () => {
    const c = opened.connection;
    const unreachable = new CognitoConnection({
      ...c,
      jwksUri: `http://127.0.0.1:9/${c.userPoolId}/.well-known/jwks.json`,
    });
    const offline = new CognitoAccessTokenVerifier(unreachable, { fetcher: new FetchJwksFetcher(1_000) });
    const error = await offline.verify(tokens.accessToken).catch((e: unknown) => e);
    expect((error as DomainError).kind).toBe(ErrorKind.Unavailable);
  });

  it('uses CognitoJwtVerifier for a real pool (issuer and pool id of AWS)', async () => {
    const aws = new CognitoConnection({
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_abcdefghi',
      clientId: 'client',
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abcdefghi',
      jwksUri: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abcdefghi/.well-known/jwks.json',
      local: false,
    });
    const awsFetcher = new FetchJwksFetcher();
    const real = new CognitoAccessTokenVerifier(aws, { fetcher: awsFetcher });
    // A cognito-local token has the wrong issuer for this pool: refused before any JWKS fetch.
    await expect(real.verify(tokens.accessToken)).rejects.toMatchObject({ kind: ErrorKind.Unauthenticated });
    expect(awsFetcher.fetchCount).toBe(0);
  });
});

/** A JWKS fetcher answering what a stock cognito-local serves: the key published in its package. */
function stockCognitoLocalJwks(): Fetcher {
  const published = cognitoLocalPrivateKey();
  const jwk = { ...createPublicKey(published).export({ format: 'jwk' }), kid: 'CognitoLocal', alg: 'RS256', use: 'sig' };
  const body = new TextEncoder().encode(JSON.stringify({ keys: [jwk] }));
  return { fetch: () => Promise.resolve(body.buffer as ArrayBuffer) };
}
