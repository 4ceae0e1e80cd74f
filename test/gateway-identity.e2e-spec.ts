import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreatedApplication, clientToken, createApplication } from './support/applications';
import { FORBIDDEN, type IssuedKey, issueKey } from './support/gateway-journey';
import { HttpClient, type HttpResult } from './support/http-client';
import { adminToken, signUpDeveloper, type SignedInDeveloper } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

const UNAUTHORIZED = { message: 'Unauthorized' };

/**
 * GATEWAY_AUTH=cognito (the default): a key is not authentication. The gateway wants an access
 * token of the pool first, then the key, and the key must be the token owner's.
 */
describe('embedded gateway: identity and key together', () => {
  let upstream: Server;
  let seen: IncomingMessage['headers'][];
  let harness: KeyportHarness;
  let http: HttpClient;
  let gateway: HttpClient;
  let admin: string;
  let dev: SignedInDeveloper;
  let key: IssuedKey;
  let app: CreatedApplication;

  const call = (headers: Record<string, string>): Promise<HttpResult> => gateway.get('/things', { headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    seen = [];
    upstream = createServer((request, response) => {
      seen.push(request.headers);
      request.resume();
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    harness = await KeyportHarness.start({ env: { UPSTREAM_URL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` } });
    http = new HttpClient(harness.baseUrl);
    gateway = new HttpClient(harness.gatewayUrl);
    admin = await adminToken(http);
    dev = await signUpDeveloper(http, admin);
    key = await issueKey(harness, http, dev);
    app = await createApplication(http, dev.token, { name: 'orders-service', scopes: ['read'] });
  });

  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it("admits an application's token with its developer's key; the upstream learns who called and sees neither the key nor the token", async () => {
    const token = await clientToken(app);
    seen.length = 0;
    const answer = await call({ ...bearer(token), 'x-api-key': key.value });
    expect(answer.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      'x-keyport-developer-id': dev.id,
      'x-keyport-application-id': app.id,
      'x-keyport-scopes': 'keyport-api/read',
      'x-keyport-key-id': key.id,
    });
    expect(seen[0]!['x-api-key']).toBeUndefined();
    expect(seen[0]!.authorization).toBeUndefined();
    expect(JSON.stringify(seen[0])).not.toContain(token);
    // A person's token with their own key works too.
    expect((await call({ ...bearer(dev.token), 'x-api-key': key.value })).status).toBe(200);
  });

  it('answers 401 {"message":"Unauthorized"} as API Gateway does for no token, a malformed, tampered or foreign token, and an ID token', async () => {
    const token = await clientToken(app);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: dev.id })).toString('base64url')}.${signature}`;
    const login = await http.post('/v1/auth/login', { email: dev.email, password: 'Sup3r-Secret!' });
    for (const [label, headers] of Object.entries<Record<string, string>>({
      none: {},
      basic: { authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` },
      malformed: bearer('not-a-jwt'),
      tampered: bearer(tampered),
      idToken: bearer(login.body.idToken),
      refreshToken: bearer(login.body.refreshToken),
    })) {
      const refused = await call({ ...headers, 'x-api-key': key.value });
      expect({ label, status: refused.status, body: refused.body }).toEqual({ label, status: 401, body: UNAUTHORIZED });
      expect(refused.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    }
  });

  it("refuses with 403 another developer's valid token with this key, and this token with another developer's key", async () => {
    const other = await signUpDeveloper(http, admin);
    const otherKey = await issueKey(harness, http, other);
    const token = await clientToken(app);
    for (const headers of [
      { ...bearer(other.token), 'x-api-key': key.value },
      { ...bearer(token), 'x-api-key': otherKey.value },
      { ...bearer(dev.token), 'x-api-key': otherKey.value },
    ]) {
      const refused = await call(headers);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(FORBIDDEN);
    }
  });

  it("refuses a deleted application's existing token at once, not at its expiry", async () => {
    const doomed = await createApplication(http, dev.token, { name: 'doomed' });
    const token = await clientToken(doomed);
    expect((await call({ ...bearer(token), 'x-api-key': key.value })).status).toBe(200);
    expect((await http.delete(`/v1/applications/${doomed.id}`, { token: dev.token })).status).toBe(204);
    const refused = await call({ ...bearer(token), 'x-api-key': key.value });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(UNAUTHORIZED);
  });

  it("refuses a suspended developer's tokens and keys at once", async () => {
    const suspended = await signUpDeveloper(http, admin);
    const theirKey = await issueKey(harness, http, suspended);
    const theirApp = await createApplication(http, suspended.token, { name: 'their-service' });
    const token = await clientToken(theirApp);
    expect((await call({ ...bearer(token), 'x-api-key': theirKey.value })).status).toBe(200);
    const suspend = await http.post(`/v1/admin/developers/${suspended.id}/suspend`, { reason: 'abuse' }, { token: admin });
    expect(suspend.status).toBe(200);
    for (const headers of [
      { ...bearer(token), 'x-api-key': theirKey.value },
      { ...bearer(suspended.token), 'x-api-key': theirKey.value },
    ]) {
      expect((await call(headers)).status).toBe(403);
    }
  });
});
