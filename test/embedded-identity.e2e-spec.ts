import { lstat, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient } from './support/http-client';
import { expectErrorShape, signUpDeveloper, type SignedInDeveloper, startWithAdmin } from './support/journey';
import { ADMIN_PASSWORD, type KeyportHarness } from './support/keyport-harness';
import { operationsOf } from './support/openapi-operations';
import { decodeClaims, TokenForge } from './support/token-forge';

/** Every file and folder under `root`, with its permission bits. */
async function walk(root: string): Promise<Array<{ path: string; mode: number; directory: boolean }>> {
  const entry = await lstat(root);
  const here = { path: root, mode: entry.mode & 0o777, directory: entry.isDirectory() };
  if (!entry.isDirectory()) return [here];
  const children = await Promise.all((await readdir(root)).map((name) => walk(path.join(root, name))));
  return [here, ...children.flat()];
}

/**
 * The embedded identity provider of the default install: tokens only this installation can sign
 * (cognito-local's published key opens nothing), no password or refresh token in clear, and a
 * DATA_DIR only its owner can read.
 */
describe('embedded identity provider', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;
  let dev: SignedInDeveloper;
  let victim: SignedInDeveloper;

  beforeAll(async () => {
    ({ harness, http, admin } = await startWithAdmin());
    dev = await signUpDeveloper(http, admin);
    victim = await signUpDeveloper(http, admin);
    expect((await http.post('/v1/keys', { name: 'victim key' }, { token: victim.token })).status).toBe(201);
  });

  afterAll(() => harness?.close());

  it("answers 401 on every route to tokens signed with cognito-local's published key: admin claims, another developer's sub", async () => {
    const claims = decodeClaims(dev.token);
    const published = TokenForge.cognitoLocal();
    const trustedKid = decodeHeader(dev.token).kid as string;
    const forgeries = [
      published.sign({ ...claims, 'cognito:groups': ['admin'], jti: 'forged-admin' }),
      published.sign({ ...claims, sub: victim.id, username: victim.id, jti: 'forged-victim' }),
      TokenForge.withKid(published, trustedKid).sign({ ...claims, 'cognito:groups': ['admin'], jti: 'forged-admin-kid' }),
    ];
    // The claims are right: signed with the installation's key, the admin forgery is an admin.
    const trusted = await TokenForge.installation(harness.dataDir);
    expect((await http.get('/v1/admin/tiers', { token: trusted.sign({ ...claims, 'cognito:groups': ['admin'], jti: 'control' }) })).status).toBe(200);

    const auditBefore = (await http.get('/v1/admin/audit-log?limit=500', { token: admin })).body.items.length;
    const operations = operationsOf((await http.get('/docs-json')).body).filter((op) => op.secured);
    expect(operations.length).toBeGreaterThan(25);
    for (const op of operations) {
      const route = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'slug' ? 'standard' : victim.id));
      for (const token of forgeries) {
        const body = op.hasBody ? { tier: 'premium', name: 'Owned', reason: 'forged', limit: 1, requests: 1, days: 1 } : undefined;
        const result = await http.request(op.method, route, { token, ...(body ? { body } : {}) });
        expect(result.status, `${op.method} ${route}`).toBe(401);
        expectErrorShape(result.body, 401);
      }
    }
    expect((await http.get('/v1/admin/audit-log?limit=500', { token: admin })).body.items.length).toBe(auditBefore);
    expect((await http.get('/v1/keys', { token: victim.token })).body.items).toHaveLength(1);
  });

  it('keeps no password and no refresh token in clear anywhere under DATA_DIR', async () => {
    const password = `Cl3ar-Text-${Date.now()}!`;
    const email = `cleartext-${Date.now()}@example.com`;
    const signup = await http.post('/v1/auth/signup', { email, password });
    expect(signup.status).toBe(201);
    expect((await http.post(`/v1/admin/developers/${signup.body.userId}/confirm`, undefined, { token: admin })).status).toBe(204);
    const login = await http.post('/v1/auth/login', { email, password });
    expect(login.status).toBe(200);
    // The hashed refresh token still works.
    expect((await http.post('/v1/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(200);

    const secrets = [password, ADMIN_PASSWORD, 'Sup3r-Secret!', login.body.refreshToken, dev.refreshToken];
    const files = (await walk(harness.dataDir)).filter((entry) => !entry.directory);
    // The identity store at least (and PGlite's files on the embedded database).
    expect(files.some((file) => file.path.includes(path.join('cognito', 'db')))).toBe(true);
    for (const file of files) {
      const content = await readFile(file.path);
      for (const secret of secrets) expect(content.includes(secret), `${file.path} holds a secret`).toBe(false);
    }
  });

  it('keeps DATA_DIR owner-only: folders 0700 while running, every file 0600 once stopped', async () => {
    const running = await walk(harness.dataDir);
    for (const entry of running.filter((e) => e.directory && !e.path.includes(`${path.sep}pg${path.sep}`))) {
      expect(entry.mode.toString(8), entry.path).toBe('700');
    }
    // What is written while running outside the database's own folder (the identity store, keys) is 0600 at once.
    for (const entry of running.filter((e) => !e.directory && !e.path.includes(`${path.sep}pg${path.sep}`))) {
      expect(entry.mode.toString(8), entry.path).toBe('600');
    }
    await harness.stop();
    const stopped = await walk(harness.dataDir);
    expect(stopped.some((e) => e.path.endsWith(path.join('cognito', 'signing-key.pem')))).toBe(true);
    for (const entry of stopped) expect(entry.mode.toString(8), entry.path).toBe(entry.directory ? '700' : '600');
  });
});

function decodeHeader(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
