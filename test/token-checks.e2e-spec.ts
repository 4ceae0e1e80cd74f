import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, signUpDeveloper, type SignedInDeveloper } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';
import { decodeClaims, TokenForge } from './support/token-forge';

describe('access token checks on protected routes', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let dev: SignedInDeveloper;
  let claims: Record<string, any>;
  let idToken: string;
  /** Signs with the key this installation's embedded Cognito signs with. */
  let trusted: TokenForge;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    dev = await signUpDeveloper(http, await adminToken(http));
    claims = decodeClaims(dev.token);
    idToken = (await http.post('/v1/auth/login', { email: dev.email, password: 'Sup3r-Secret!' })).body.idToken;
    trusted = await TokenForge.installation(harness.dataDir);
  });

  afterAll(() => harness?.close());

  const now = () => Math.floor(Date.now() / 1000);

  it('accepts the genuine access token, and a forged copy of it signed by the trusted key (proving the forge is faithful)', async () => {
    expect((await http.get('/v1/me', { token: dev.token })).status).toBe(200);
    const faithful = trusted.sign({ ...claims, jti: 'copy' });
    expect((await http.get('/v1/me', { token: faithful })).status).toBe(200);
  });

  const cases: Array<[string, () => Record<string, string>]> = [
    ['no Authorization header', () => ({})],
    ['a non-bearer scheme', () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })],
    ['garbage', () => ({ authorization: 'Bearer not.a.jwt' })],
    ['a token signed with another key', () => bearer(TokenForge.stranger().sign(claims))],
    ['an expired token', () => bearer(trusted.sign({ ...claims, iat: now() - 7200, exp: now() - 3600 }))],
    ['a token of another pool (issuer)', () => bearer(trusted.sign({ ...claims, iss: `${claims.iss}x` }))],
    ['a token of another app client', () => bearer(trusted.sign({ ...claims, client_id: 'someoneelse' }))],
    ['a token whose use is not access', () => bearer(trusted.sign({ ...claims, token_use: 'id' }))],
    ['an ID token', () => bearer(idToken)],
    ['a refresh token', () => bearer(dev.refreshToken)],
    ['an unsigned token (alg none)', () => bearer(unsigned(claims))],
  ];

  for (const [label, headers] of cases) {
    it(`answers 401 to ${label}`, async () => {
      for (const path of ['/v1/me', '/v1/keys']) {
        const result = await http.get(path, { headers: headers() });
        expect(result.status).toBe(401);
        expectErrorShape(result.body, 401);
      }
    });
  }

  it('answers 403 to a developer on an admin route', async () => {
    const result = await http.post(`/v1/admin/developers/${dev.id}/confirm`, undefined, { token: dev.token });
    expect(result.status).toBe(403);
    expectErrorShape(result.body, 403);
  });

  it('answers 403 to a developer who forges the admin group into a token signed by another key', async () => {
    const forged = TokenForge.stranger().sign({ ...claims, 'cognito:groups': ['admin'] });
    expect((await http.post(`/v1/admin/developers/${dev.id}/confirm`, undefined, { token: forged })).status).toBe(401);
  });
});

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

function unsigned(claims: Record<string, unknown>): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
