import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, type RequestOptions } from './support/http-client';
import { adminToken, expectErrorShape, PASSWORD, signUpDeveloper, type SignedInDeveloper, uniqueEmail, waitForKeyStatus } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

describe('invalid input on every route gets a clear 4xx and changes nothing', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let dev: SignedInDeveloper;
  let admin: string;
  let keyId: string;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
    dev = await signUpDeveloper(http, admin);
    keyId = (await http.post('/v1/keys', { name: 'k' }, { token: dev.token })).body.id;
    await waitForKeyStatus(http, dev.token, keyId, 'active');
  });

  afterAll(() => harness?.close());

  type Case = [string, string, RequestOptions, number, string?];
  const cases = (): Case[] => [
    ['POST', '/v1/auth/signup', { body: { email: 'not-an-email', password: PASSWORD } }, 400, 'email'],
    ['POST', '/v1/auth/signup', { body: { email: uniqueEmail(), password: 'short' } }, 400, 'password'],
    ['POST', '/v1/auth/signup', { body: { email: uniqueEmail(), password: 'alllowercase1!' } }, 400, 'password'],
    ['POST', '/v1/auth/signup', { body: { email: uniqueEmail(), password: PASSWORD, admin: true } }, 400, 'admin'],
    ['POST', '/v1/auth/signup', { body: { email: 42, password: PASSWORD } }, 400, 'email'],
    ['POST', '/v1/auth/signup', { body: [] }, 400],
    ['POST', '/v1/auth/signup', { rawBody: '{"email": ' }, 415],
    ['POST', '/v1/auth/signup', { rawBody: '"just a string"' }, 400],
    ['POST', '/v1/auth/signup', { rawBody: 'email=a', headers: { 'content-type': 'text/plain' } }, 415],
    ['POST', '/v1/auth/signup', { body: { email: uniqueEmail(), password: 'x'.repeat(70_000) } }, 413],
    ['POST', '/v1/auth/signup', {}, 400],
    ['POST', '/v1/auth/confirm', { body: { email: uniqueEmail() } }, 400, 'code'],
    ['POST', '/v1/auth/login', { body: { email: 'x@example.com' } }, 400, 'password'],
    ['POST', '/v1/auth/login', { body: { email: { $ne: null }, password: PASSWORD } }, 400, 'email.$ne'],
    ['POST', '/v1/auth/login', { body: { email: { $ne: 1 }, password: PASSWORD } }, 400, 'email'],
    ['POST', '/v1/auth/refresh', { body: {} }, 400, 'refreshToken'],
    ['POST', '/v1/auth/refresh', { body: { refreshToken: 'garbage' } }, 401],
    ['PUT', '/v1/me/tier', { token: 'DEV', body: { tier: 'gold' } }, 400, 'tier'],
    ['PUT', '/v1/me/tier', { token: 'DEV', body: { tier: 'PREMIUM; DROP TABLE' } }, 400, 'tier'],
    ['PUT', '/v1/me/tier', { token: 'DEV', body: {} }, 400, 'tier'],
    ['POST', '/v1/keys', { token: 'DEV', body: { name: '' } }, 400, 'name'],
    ['POST', '/v1/keys', { token: 'DEV', body: { name: 'x'.repeat(101) } }, 400, 'name'],
    ['POST', '/v1/keys', { token: 'DEV', body: { name: 'ok', value: 'kpmine' } }, 400, 'value'],
    ['POST', '/v1/keys', { token: 'DEV', body: { name: 'tab\u0001' } }, 400, 'name'],
    ['GET', '/v1/keys/not-a-uuid', { token: 'DEV' }, 400, 'id'],
    ['GET', '/v1/keys/00000000-0000-4000-8000-000000000000', { token: 'DEV' }, 404],
    ['POST', '/v1/keys/KEY/rotate', { token: 'DEV', body: { gracePeriodSeconds: 604_801 } }, 400, 'gracePeriodSeconds'],
    ['POST', '/v1/keys/KEY/rotate', { token: 'DEV', body: { gracePeriodSeconds: -1 } }, 400, 'gracePeriodSeconds'],
    ['POST', '/v1/keys/KEY/rotate', { token: 'DEV', body: { gracePeriodSeconds: '10' } }, 400, 'gracePeriodSeconds'],
    ['POST', '/v1/keys/KEY/rotate', { token: 'DEV', body: { gracePeriodSeconds: 1.5 } }, 400, 'gracePeriodSeconds'],
    ['DELETE', '/v1/keys/%27%20OR%201=1', { token: 'DEV' }, 400, 'id'],
    ['POST', '/v1/admin/developers/has%20space/confirm', { token: 'ADMIN' }, 400, 'id'],
    ['POST', '/v1/admin/developers/00000000-0000-4000-8000-000000000000/confirm', { token: 'ADMIN' }, 404],
    ['GET', '/v1/nowhere', {}, 404],
  ];

  it('answers each bad request with its status and the error shape, naming the field', async () => {
    const before = await snapshot();
    for (const [method, rawPath, options, status, field] of cases()) {
      const token = options.token === 'DEV' ? dev.token : options.token === 'ADMIN' ? admin : undefined;
      const path = rawPath.replace('KEY', keyId);
      const result = await http.request(method, path, { ...options, token });
      expect(result.status, `${method} ${path} ${JSON.stringify(options.body)?.slice(0, 80)}`).toBe(status);
      expectErrorShape(result.body, status);
      if (field)
        expect(
          result.body.details?.map((d: any) => d.field),
          `${method} ${path}`,
        ).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  async function snapshot() {
    const keys = await http.get('/v1/keys', { token: dev.token });
    const me = await http.get('/v1/me', { token: dev.token });
    return { keys: keys.body, me: me.body };
  }
});
