import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HttpClient, type HttpResult } from './support/http-client';
import { adminToken, expectErrorShape, PASSWORD, signUpDeveloper, type SignedInDeveloper, uniqueEmail } from './support/journey';
import { ADMIN_EMAIL, KeyportHarness } from './support/keyport-harness';
import { decodeClaims, TokenForge } from './support/token-forge';

const INVALID_TOKEN = 'Bearer realm="keyport", error="invalid_token", error_description="Invalid access token"';
const EXPIRED_TOKEN = 'Bearer realm="keyport", error="invalid_token", error_description="The access token expired; refresh it"';
const BARE = 'Bearer realm="keyport"';

/** Every developer route but the Stripe webhook, with a body it accepts. */
const DEVELOPER_ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/v1/me'],
  ['PUT', '/v1/me/tier', { tier: 'premium' }],
  ['POST', '/v1/keys', { name: 'admin key' }],
  ['GET', '/v1/keys'],
  ['GET', '/v1/keys/00000000-0000-4000-8000-000000000000'],
  ['POST', '/v1/keys/00000000-0000-4000-8000-000000000000/rotate', {}],
  ['DELETE', '/v1/keys/00000000-0000-4000-8000-000000000000'],
  ['GET', '/v1/usage?from=2026-11-01&to=2026-11-30'],
  ['GET', '/v1/billing'],
  ['POST', '/v1/billing/checkout', { tier: 'premium' }],
  ['POST', '/v1/billing/portal'],
  ['GET', '/v1/billing/invoices'],
];

describe('errors a client can act on', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;
  let dev: SignedInDeveloper;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
    dev = await signUpDeveloper(http, admin);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  afterAll(() => harness?.close());

  const expectRefusal = (result: HttpResult, status: number, code: string, challenge?: string): void => {
    expect(result.status, result.text).toBe(status);
    expectErrorShape(result.body, status);
    expect(result.body.code).toBe(code);
    if (challenge !== undefined) expect(result.headers.get('www-authenticate')).toBe(challenge);
  };

  /** Runs `work` with this process's clock (the app runs in it) moved past every token's expiry. */
  const inTwoHours = async <T>(work: () => Promise<T>): Promise<T> => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3600_000 });
    try {
      return await work();
    } finally {
      vi.useRealTimers();
    }
  };

  describe('401: TOKEN_MISSING, TOKEN_INVALID or TOKEN_EXPIRED, always with a Bearer challenge', () => {
    it('calls a request without a bearer token TOKEN_MISSING, with the bare challenge (RFC 6750 §3.1)', async () => {
      expectRefusal(await http.get('/v1/me'), 401, 'TOKEN_MISSING', BARE);
      expectRefusal(await http.get('/v1/keys', { headers: { authorization: 'Basic YTpi' } }), 401, 'TOKEN_MISSING', BARE);
    });

    it('calls a malformed, forged or foreign token TOKEN_INVALID with error="invalid_token"', async () => {
      const claims = decodeClaims(dev.token);
      const now = Math.floor(Date.now() / 1000);
      for (const authorization of [
        'Bearer',
        'Bearer two words',
        'Bearer not.a.jwt',
        `Bearer ${TokenForge.stranger().sign(claims)}`,
        // Forged and expired: its expiry is not confirmed to anyone.
        `Bearer ${TokenForge.stranger().sign({ ...claims, iat: now - 7200, exp: now - 3600 })}`,
        `Bearer ${dev.refreshToken}`,
      ]) {
        expectRefusal(await http.get('/v1/me', { headers: { authorization } }), 401, 'TOKEN_INVALID', INVALID_TOKEN);
      }
    });

    it('calls a genuine access token past its expiry TOKEN_EXPIRED, and a refreshed one works again', async () => {
      const login = await http.post('/v1/auth/login', { email: dev.email, password: PASSWORD });
      const expired = await inTwoHours(() => http.get('/v1/keys', { token: login.body.accessToken }));
      expectRefusal(expired, 401, 'TOKEN_EXPIRED', EXPIRED_TOKEN);
      const refreshed = await http.post('/v1/auth/refresh', { refreshToken: login.body.refreshToken });
      expect(refreshed.status).toBe(200);
      expect((await http.get('/v1/keys', { token: refreshed.body.accessToken })).status).toBe(200);
    });

    it('calls a genuine but expired ID token TOKEN_INVALID: expiry is said only of an access token that is valid otherwise', async () => {
      const login = await http.post('/v1/auth/login', { email: dev.email, password: PASSWORD });
      expectRefusal(await inTwoHours(() => http.get('/v1/me', { token: login.body.idToken })), 401, 'TOKEN_INVALID', INVALID_TOKEN);
    });

    it('gives sign-in failures their own codes, with the bare challenge', async () => {
      expectRefusal(await http.post('/v1/auth/login', { email: dev.email, password: 'Wrong-Passw0rd!' }), 401, 'BAD_CREDENTIALS', BARE);
      const unconfirmed = uniqueEmail('unconfirmed');
      expect((await http.post('/v1/auth/signup', { email: unconfirmed, password: PASSWORD })).status).toBe(201);
      expectRefusal(await http.post('/v1/auth/login', { email: unconfirmed, password: PASSWORD }), 401, 'ACCOUNT_NOT_CONFIRMED', BARE);
      expectRefusal(await http.post('/v1/auth/refresh', { refreshToken: 'not-a-refresh-token' }), 401, 'REFRESH_TOKEN_INVALID', BARE);
      expectRefusal(await http.post('/v1/auth/signup', { email: dev.email, password: PASSWORD }), 409, 'EMAIL_TAKEN');
    });
  });

  describe('403: roles kept apart', () => {
    it('refuses every developer route to an admin who never signed up as a developer, and creates nothing', async () => {
      const adminId = decodeClaims(admin).sub as string;
      for (const [method, path, body] of DEVELOPER_ROUTES) {
        const result = await http.request(method, path, { body, token: admin });
        expect(result.status, `${method} ${path}: ${result.text}`).toBe(403);
        expect(result.body.code, `${method} ${path}`).toBe('NOT_A_DEVELOPER');
      }
      expect((await http.get(`/v1/admin/developers/${adminId}`, { token: admin })).status).toBe(404);
      const listed = await http.get(`/v1/admin/developers?search=${encodeURIComponent(ADMIN_EMAIL)}`, { token: admin });
      expect(listed.body.items).toEqual([]);
      const audit = await http.get(`/v1/admin/audit-log?actor=${adminId}&action=key.created`, { token: admin });
      expect(audit.body.items).toEqual([]);
    });

    it('says NOT_AN_ADMIN to a developer on an admin route, and ACCOUNT_SUSPENDED to a suspended developer', async () => {
      expectRefusal(await http.get('/v1/admin/developers', { token: dev.token }), 403, 'NOT_AN_ADMIN');
      const suspended = await signUpDeveloper(http, admin);
      expect((await http.post(`/v1/admin/developers/${suspended.id}/suspend`, { reason: 'test' }, { token: admin })).status).toBe(200);
      expectRefusal(await http.get('/v1/me', { token: suspended.token }), 403, 'ACCOUNT_SUSPENDED');
      expectRefusal(await http.post('/v1/keys', { name: 'x' }, { token: suspended.token }), 403, 'ACCOUNT_SUSPENDED');
    });
  });

  describe('400: one true message per field', () => {
    it('says an empty key name is too short, and nothing about control characters', async () => {
      const result = await http.post('/v1/keys', { name: '' }, { token: dev.token });
      expectRefusal(result, 400, 'VALIDATION_FAILED');
      expect(result.body.details).toEqual([{ field: 'name', message: 'must be longer than or equal to 1 characters' }]);
    });

    it('names each missing date of /v1/usage once', async () => {
      const result = await http.get('/v1/usage', { token: dev.token });
      expectRefusal(result, 400, 'VALIDATION_FAILED');
      expect(result.body.details).toEqual([
        { field: 'from', message: 'is required' },
        { field: 'to', message: 'is required' },
      ]);
    });
  });

  it('gives conflicts a code of their own', async () => {
    const owner = await signUpDeveloper(http, admin);
    const key = (await http.post('/v1/keys', { name: 'k' }, { token: owner.token })).body;
    expect((await http.post(`/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 60 }, { token: owner.token })).status).toBe(201);
    expectRefusal(await http.post(`/v1/keys/${key.id}/rotate`, {}, { token: owner.token }), 409, 'KEY_ALREADY_ROTATED');
    const other = (await http.post('/v1/keys', { name: 'other' }, { token: owner.token })).body;
    expect((await http.delete(`/v1/keys/${other.id}`, { token: owner.token })).status).toBe(204);
    expectRefusal(await http.post(`/v1/keys/${other.id}/rotate`, {}, { token: owner.token }), 409, 'KEY_REVOKED');
    expectRefusal(await http.get('/v1/billing', { token: owner.token }), 404, 'BILLING_DISABLED');
  });

  // Last: a restart moves the embedded pool to another port, which ends every token issued before.
  it('treats an admin who signed up as a developer as both', async () => {
    const both = await signUpDeveloper(http, admin, uniqueEmail('both'));
    // ADMIN_EMAIL at start puts an existing account into the admin group.
    await harness.restart({ ADMIN_EMAIL: both.email, ADMIN_PASSWORD: PASSWORD });
    http = new HttpClient(harness.baseUrl);
    const token = (await http.post('/v1/auth/login', { email: both.email, password: PASSWORD })).body.accessToken;
    expect(decodeClaims(token)['cognito:groups']).toContain('admin');
    expect((await http.get('/v1/me', { token })).body).toMatchObject({ id: both.id, email: both.email });
    expect((await http.post('/v1/keys', { name: 'mine' }, { token })).status).toBe(201);
    expect((await http.get(`/v1/admin/developers/${both.id}`, { token })).status).toBe(200);
  });
});
