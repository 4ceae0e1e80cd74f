import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENED_COGNITO_CONNECTION, type OpenedCognitoConnection } from '@keyport/cognito';
import { type BillingWorld, eventually, startBillingWorld, stopBillingWorld, subscribe } from './support/billing';
import { callGateway, issueKey } from './support/gateway-journey';
import { HttpClient } from './support/http-client';
import { PASSWORD, adminToken, expectErrorShape, signUpDeveloper, uniqueEmail } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

const NEW_PASSWORD = 'N3w-Passw0rd!';
const COOKIE_SESSION = { 'x-keyport-session': 'cookie' };

describe('account and sessions: forgot/reset, resend, logout, change password, sign out everywhere, delete', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let gateway: HttpClient;
  let admin: string;

  const codeFor = (email: string): string | undefined => harness.app.get<OpenedCognitoConnection>(OPENED_COGNITO_CONNECTION).server?.lastCodeFor(email);
  const login = (email: string, password: string, headers: Record<string, string> = {}) => http.post('/v1/auth/login', { email, password }, { headers });
  const auditOf = async (target: string): Promise<Array<{ action: string }>> =>
    (await http.get(`/v1/admin/audit-log?target=${encodeURIComponent(target)}&limit=100`, { token: admin })).body.items;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    gateway = new HttpClient(harness.gatewayUrl);
    admin = await adminToken(http);
  });

  afterAll(() => harness?.close());

  it('forgot-password answers 202 alike for an account and for none, and the code resets the password once', async () => {
    const dev = await signUpDeveloper(http, admin);
    const unknown = await http.post('/v1/auth/forgot-password', { email: uniqueEmail('nobody') });
    const known = await http.post('/v1/auth/forgot-password', { email: dev.email.toUpperCase() });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(known.text).toBe(unknown.text);
    const code = codeFor(dev.email);
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await http.post('/v1/auth/reset-password', { email: dev.email, code: code === '000000' ? '111111' : '000000', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('CODE_INVALID');
    expect(wrong.body.details).toEqual([{ field: 'code', message: 'is invalid or expired' }]);
    const weak = await http.post('/v1/auth/reset-password', { email: dev.email, code, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.details.every((d: { field: string }) => d.field === 'newPassword')).toBe(true);
    // Bad input changed nothing: the old password still works.
    expect((await login(dev.email, PASSWORD)).status).toBe(200);

    expect((await http.post('/v1/auth/reset-password', { email: dev.email, code, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await login(dev.email, PASSWORD)).status).toBe(401);
    expect((await login(dev.email, NEW_PASSWORD)).status).toBe(200);
    const reused = await http.post('/v1/auth/reset-password', { email: dev.email, code, newPassword: 'Th1rd-Passw0rd!' });
    expect(reused.body.code).toBe('CODE_INVALID');
    // An unknown e-mail says the same as a wrong code.
    const nobody = await http.post('/v1/auth/reset-password', { email: uniqueEmail('nobody'), code: '123456', newPassword: NEW_PASSWORD });
    expect([nobody.status, nobody.body.code]).toEqual([400, 'CODE_INVALID']);
    expect((await auditOf(dev.id)).map((e) => e.action)).toContain('auth.password_reset');
  });

  it('resend-code answers 202 whatever the account, and the new code confirms the sign-up', async () => {
    const email = uniqueEmail('resend');
    expect((await http.post('/v1/auth/signup', { email, password: PASSWORD })).status).toBe(201);
    const first = codeFor(email);
    const resent = await http.post('/v1/auth/resend-code', { email });
    expect(resent.status).toBe(202);
    const second = codeFor(email);
    expect(second).toMatch(/^\d{6}$/);
    expect((await http.post('/v1/auth/resend-code', { email: uniqueEmail('nobody') })).status).toBe(202);
    if (first !== second) expect((await http.post('/v1/auth/confirm', { email, code: first })).status).toBe(400);
    expect((await http.post('/v1/auth/confirm', { email, code: second })).status).toBe(204);
    // Confirmed now: still 202, and nothing is sent.
    expect((await http.post('/v1/auth/resend-code', { email })).status).toBe(202);
    expect(codeFor(email)).toBe(second);
  });

  it('logout revokes the refresh token in the body', async () => {
    const dev = await signUpDeveloper(http, admin);
    expect((await http.post('/v1/auth/refresh', { refreshToken: dev.refreshToken })).status).toBe(200);
    expect((await http.post('/v1/auth/logout', { refreshToken: dev.refreshToken })).status).toBe(204);
    const after = await http.post('/v1/auth/refresh', { refreshToken: dev.refreshToken });
    expect([after.status, after.body.code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    // Revoking again (or a token that never was) is success.
    expect((await http.post('/v1/auth/logout', { refreshToken: dev.refreshToken })).status).toBe(204);
  });

  it('keeps a browser session in an HttpOnly cookie, refuses its use cross-site, and logout clears it', async () => {
    const dev = await signUpDeveloper(http, admin);
    const signedIn = await login(dev.email, PASSWORD, COOKIE_SESSION);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.refreshToken).toBeUndefined();
    const [setCookie] = signedIn.headers.getSetCookie();
    expect(setCookie).toMatch(/^keyport_refresh=[\w.-]+; Path=\/v1\/auth; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie!.split(';')[0]!;
    // Over HTTPS (told by a trusted proxy) the cookie is Secure too: see the TRUST_PROXY case below.

    const sameSite = { ...COOKIE_SESSION, cookie, origin: harness.baseUrl, 'sec-fetch-site': 'same-origin' };
    const refreshed = await http.post('/v1/auth/refresh', {}, { headers: sameSite });
    expect(refreshed.status).toBe(200);
    expect((await http.get('/v1/me', { token: refreshed.body.accessToken })).body.id).toBe(dev.id);

    const crossSite = await http.post('/v1/auth/refresh', {}, { headers: { ...sameSite, 'sec-fetch-site': 'cross-site' } });
    expect([crossSite.status, crossSite.body.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
    expectErrorShape(crossSite.body, 403);
    const otherOrigin = await http.post('/v1/auth/refresh', {}, { headers: { ...COOKIE_SESSION, cookie, origin: 'https://evil.example' } });
    expect([otherOrigin.status, otherOrigin.body.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
    const crossLogout = await http.post('/v1/auth/logout', {}, { headers: { cookie, 'sec-fetch-site': 'same-site' } });
    expect(crossLogout.status).toBe(403);
    expect((await http.post('/v1/auth/refresh', {}, { headers: sameSite })).status).toBe(200);

    const out = await http.post('/v1/auth/logout', {}, { headers: sameSite });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^keyport_refresh=; Path=\/v1\/auth; Max-Age=0; HttpOnly; SameSite=Strict/);
    const revoked = await http.post('/v1/auth/refresh', {}, { headers: sameSite });
    expect([revoked.status, revoked.body.code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    // Without a body token or a cookie: 400 naming the field.
    const none = await http.post('/v1/auth/refresh', {});
    expect([none.status, none.body.details]).toEqual([400, [{ field: 'refreshToken', message: 'is required' }]]);
  });

  it('changes the password with the current one; a wrong current one changes nothing', async () => {
    const dev = await signUpDeveloper(http, admin);
    const wrong = await http.put('/v1/me/password', { currentPassword: 'Not-The-0ne!', newPassword: NEW_PASSWORD }, { token: dev.token });
    expect([wrong.status, wrong.body.code, wrong.body.details]).toEqual([400, 'PASSWORD_INCORRECT', [{ field: 'currentPassword', message: 'is incorrect' }]]);
    const weak = await http.put('/v1/me/password', { currentPassword: PASSWORD, newPassword: 'weak' }, { token: dev.token });
    expect(weak.status).toBe(400);
    expect((await http.put('/v1/me/password', { newPassword: NEW_PASSWORD }, { token: dev.token })).status).toBe(400);
    expect((await http.put('/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);
    expect((await login(dev.email, PASSWORD)).status).toBe(200);

    expect((await http.put('/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { token: dev.token })).status).toBe(204);
    expect((await login(dev.email, PASSWORD)).status).toBe(401);
    expect((await login(dev.email, NEW_PASSWORD)).status).toBe(200);
    expect((await auditOf(dev.id)).map((e) => e.action)).toContain('auth.password_changed');
  });

  it('signs out everywhere: every refresh token stops working', async () => {
    const dev = await signUpDeveloper(http, admin);
    const other = await login(dev.email, PASSWORD);
    expect((await http.delete('/v1/me/sessions', { token: dev.token })).status).toBe(204);
    for (const refreshToken of [dev.refreshToken, other.body.refreshToken]) {
      const after = await http.post('/v1/auth/refresh', { refreshToken });
      expect([after.status, after.body.code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    }
    expect((await login(dev.email, PASSWORD)).status).toBe(200);
    expect((await auditOf(dev.id)).map((e) => e.action)).toContain('auth.signed_out_everywhere');
  });

  it('deletes the account: keys refused at the gateway, token refused, e-mail free to sign up again, audit kept', async () => {
    const dev = await signUpDeveloper(http, admin);
    const key = await issueKey(harness, http, dev);
    expect((await callGateway(gateway, key.value)).status).toBe(200);

    expect((await http.delete('/v1/me', { token: dev.token })).status).toBe(204);
    expect((await callGateway(gateway, key.value)).status).toBe(403);
    const me = await http.get('/v1/me', { token: dev.token });
    expect([me.status, me.body.code]).toEqual([403, 'ACCOUNT_DELETED']);
    expect((await http.delete('/v1/me', { token: dev.token })).status).toBe(403);
    expect((await login(dev.email, PASSWORD)).status).toBe(401);
    expect((await http.post('/v1/auth/refresh', { refreshToken: dev.refreshToken })).status).toBe(401);

    const detail = await http.get(`/v1/admin/developers/${dev.id}`, { token: admin });
    expect(detail.body).toMatchObject({ status: 'deleted', email: `deleted+${dev.id}@keyport.invalid` });
    expect(detail.body.keys.every((k: { status: string }) => k.status === 'revoked')).toBe(true);
    const actions = (await auditOf(dev.id)).map((e) => e.action);
    expect(actions.filter((a) => a === 'developer.deleted')).toHaveLength(1);
    expect(actions).toContain('auth.signed_up');
    expect((await auditOf(key.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['key.created', 'key.revoked']));

    const again = await signUpDeveloper(http, admin, dev.email);
    expect(again.id).not.toBe(dev.id);
    expect((await http.get('/v1/me', { token: again.token })).body).toMatchObject({ email: dev.email, status: 'active' });
  });

  it('lets an admin delete a developer once (audited once); bad ids are 4xx and change nothing', async () => {
    const dev = await signUpDeveloper(http, admin);
    expect((await http.delete(`/v1/admin/developers/${dev.id}`, { token: dev.token })).status).toBe(403);
    expect((await http.delete('/v1/admin/developers/not_an*id', { token: admin })).status).toBe(400);
    expect((await http.delete('/v1/admin/developers/00000000-0000-4000-8000-000000000000', { token: admin })).status).toBe(404);
    expect((await http.get('/v1/me', { token: dev.token })).status).toBe(200);

    expect((await http.delete(`/v1/admin/developers/${dev.id}`, { token: admin })).status).toBe(204);
    const twice = await http.delete(`/v1/admin/developers/${dev.id}`, { token: admin });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_DELETED']);
    const entries = (await auditOf(dev.id)).filter((e) => e.action === 'developer.deleted');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: { type: 'admin' } });
    expect((await http.get('/v1/me', { token: dev.token })).body.code).toBe('ACCOUNT_DELETED');
    const deleted = await http.get('/v1/admin/developers?status=deleted', { token: admin });
    expect(deleted.body.items.map((d: { id: string }) => d.id)).toContain(dev.id);
  });

  it('validates the new routes: malformed input is 400 with the field named', async () => {
    for (const [path, body, field] of [
      ['/v1/auth/forgot-password', { email: 'not-an-email' }, 'email'],
      ['/v1/auth/resend-code', {}, 'email'],
      ['/v1/auth/reset-password', { email: 'a@example.com', code: '', newPassword: NEW_PASSWORD }, 'code'],
      ['/v1/auth/logout', { refreshToken: 42 }, 'refreshToken'],
    ] as const) {
      const result = await http.post(path, body);
      expect(result.status, path).toBe(400);
      expectErrorShape(result.body, 400);
      expect(
        result.body.details.map((d: { field: string }) => d.field),
        path,
      ).toContain(field);
    }
  });
});

describe('the session cookie behind an HTTPS proxy', () => {
  let harness: KeyportHarness;
  let http: HttpClient;

  beforeAll(async () => {
    harness = await KeyportHarness.start({ env: { TRUST_PROXY: '127.0.0.1' } });
    http = new HttpClient(harness.baseUrl);
  });

  afterAll(() => harness?.close());

  it('is Secure when the trusted proxy says the request came over HTTPS', async () => {
    const dev = await signUpDeveloper(http, await adminToken(http));
    const signedIn = await http.post(
      '/v1/auth/login',
      { email: dev.email, password: PASSWORD },
      { headers: { ...COOKIE_SESSION, 'x-forwarded-proto': 'https' } },
    );
    expect(signedIn.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
  });
});

describe('deleting an account that pays', () => {
  let world: BillingWorld;
  let http: HttpClient;

  beforeAll(async () => {
    world = await startBillingWorld();
    http = new HttpClient(world.harness.baseUrl);
  });

  afterAll(() => stopBillingWorld(world));

  it('ends the subscription at Stripe at once (not at the period end), through the outbox', async () => {
    const dev = await signUpDeveloper(http, await adminToken(http));
    const subscription = await subscribe(http, world.stripe, dev);
    expect(world.stripe.subscriptions.get(subscription.id)?.status).toBe('active');
    expect((await http.delete('/v1/me', { token: dev.token })).status).toBe(204);
    await eventually(
      'the subscription is cancelled at Stripe',
      async () => world.stripe.subscriptions.get(subscription.id)?.status,
      (status) => status === 'canceled',
    );
    expect(world.stripe.subscriptions.get(subscription.id)?.cancel_at_period_end).toBe(false);
  });
});
