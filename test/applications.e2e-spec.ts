import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenVerifier } from '@keyport/cognito';
import { Clock } from '@keyport/common';
import { createApplication, jwtClaims, requestClientToken } from './support/applications';
import { type HttpClient } from './support/http-client';
import { expectErrorShape, signUpDeveloper, startWithAdmin, type SignedInDeveloper } from './support/journey';
import { type KeyportHarness } from './support/keyport-harness';
import { MovingClock } from './support/moving-clock';

describe('applications: client credentials on the embedded Cognito', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;
  let dev: SignedInDeveloper;
  // Grace periods end when the test says, not when a busy machine gets round to the next line.
  const clock = new MovingClock();

  beforeAll(async () => {
    ({ harness, http, admin } = await startWithAdmin({ env: { MAX_APPLICATIONS_PER_DEVELOPER: '3' }, overrides: [{ provide: Clock, useValue: clock }] }));
    dev = await signUpDeveloper(http, admin);
  });

  afterAll(() => harness?.close());

  it('creates an application whose secret is shown once and whose token the pool issues with Cognito claims', async () => {
    const created = await http.post('/v1/applications', { name: 'billing-service' }, { token: dev.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name: 'billing-service',
      clientId: expect.any(String),
      clientSecret: expect.stringMatching(/^[a-z0-9]{40,}$/),
      scopes: ['keyport-api/read', 'keyport-api/write'],
      tokenEndpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/oauth2\/token$/),
      createdAt: expect.any(String),
    });
    const { clientId, clientSecret, tokenEndpoint, id } = created.body;

    const listed = await http.get('/v1/applications', { token: dev.token });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    // What the portal's "Register application" dialog offers: the API resource server's scopes.
    expect(listed.body.availableScopes).toEqual(['keyport-api/read', 'keyport-api/write']);
    const one = await http.get(`/v1/applications/${id}`, { token: dev.token });
    expect(one.status).toBe(200);
    for (const body of [listed.text, one.text]) expect(body).not.toContain(clientSecret);
    expect(one.body).not.toHaveProperty('clientSecret');

    const token = await requestClientToken(tokenEndpoint, clientId, clientSecret);
    expect(token.status).toBe(200);
    expect(token.body).toEqual({ access_token: expect.any(String), expires_in: 3600, token_type: 'Bearer' });
    const claims = jwtClaims(token.body.access_token);
    expect(claims).toMatchObject({ token_use: 'access', client_id: clientId, sub: clientId, scope: 'keyport-api/read keyport-api/write' });
    expect(claims).not.toHaveProperty('username');
    // The verifier the portal and the gateway use accepts it, as an application's token.
    const principal = await harness.app.get(AccessTokenVerifier).verify(token.body.access_token);
    expect(principal.client).toEqual({ clientId, scopes: ['keyport-api/read', 'keyport-api/write'] });

    const narrowed = await requestClientToken(tokenEndpoint, clientId, clientSecret, { scope: 'keyport-api/read', inForm: true });
    expect(narrowed.status).toBe(200);
    expect(jwtClaims(narrowed.body.access_token).scope).toBe('keyport-api/read');
  });

  it("answers Cognito's error words at the token endpoint", async () => {
    const app = await createApplication(http, dev.token, { name: 'reader', scopes: ['read'] });
    expect(app.scopes).toEqual(['keyport-api/read']);
    const wrongSecret = await requestClientToken(app.tokenEndpoint, app.clientId, `${app.clientSecret}x`);
    expect(wrongSecret).toEqual({ status: 400, body: { error: 'invalid_client' } });
    const unknownClient = await requestClientToken(app.tokenEndpoint, 'nosuchclient', app.clientSecret);
    expect(unknownClient).toEqual({ status: 400, body: { error: 'invalid_client' } });
    const wider = await requestClientToken(app.tokenEndpoint, app.clientId, app.clientSecret, { scope: 'keyport-api/write' });
    expect(wider).toEqual({ status: 400, body: { error: 'invalid_scope' } });
    const grant = await requestClientToken(app.tokenEndpoint, app.clientId, app.clientSecret, { grantType: 'password' });
    expect(grant).toEqual({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect((await http.delete(`/v1/applications/${app.id}`, { token: dev.token })).status).toBe(204);
  });

  it("hides another developer's applications behind 404 and refuses unknown scopes", async () => {
    const other = await signUpDeveloper(http, admin);
    const mine = await createApplication(http, dev.token, { name: 'mine' });
    for (const response of [
      await http.get(`/v1/applications/${mine.id}`, { token: other.token }),
      await http.post(`/v1/applications/${mine.id}/rotate-secret`, {}, { token: other.token }),
      await http.delete(`/v1/applications/${mine.id}`, { token: other.token }),
    ]) {
      expect(response.status).toBe(404);
      expectErrorShape(response.body, 404);
    }
    const bad = await http.post('/v1/applications', { name: 'x', scopes: ['admin'] }, { token: other.token });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await http.get('/v1/applications', { token: other.token })).body.items).toEqual([]);
    expect((await http.delete(`/v1/applications/${mine.id}`, { token: dev.token })).status).toBe(204);
  });

  it('refuses an application over MAX_APPLICATIONS_PER_DEVELOPER, with nothing created', async () => {
    const owner = await signUpDeveloper(http, admin);
    for (let i = 0; i < 3; i++) await createApplication(http, owner.token, { name: `app-${i}` });
    const over = await http.post('/v1/applications', { name: 'one-too-many' }, { token: owner.token });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('APPLICATION_LIMIT_REACHED');
    expect((await http.get('/v1/applications', { token: owner.token })).body.items).toHaveLength(3);
  });

  it('rotates the secret: the old one works during the grace, not after; rotating again in the grace is 409', async () => {
    const app = await createApplication(http, dev.token, { name: 'rotating' });
    const rotated = await http.post(`/v1/applications/${app.id}/rotate-secret`, { gracePeriodSeconds: 60 }, { token: dev.token });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ id: app.id, clientId: app.clientId, clientSecret: expect.any(String) });
    expect(rotated.body.clientSecret).not.toBe(app.clientSecret);
    expect((await requestClientToken(app.tokenEndpoint, app.clientId, rotated.body.clientSecret)).status).toBe(200);
    expect((await requestClientToken(app.tokenEndpoint, app.clientId, app.clientSecret)).status).toBe(200);

    const again = await http.post(`/v1/applications/${app.id}/rotate-secret`, {}, { token: dev.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SECRET_ROTATION_IN_GRACE');

    clock.advanceMs(61_000);
    const { ApplicationsService } = await import('@keyport/applications');
    await harness.app.get(ApplicationsService).retireExpiredSecrets();
    expect(await requestClientToken(app.tokenEndpoint, app.clientId, app.clientSecret)).toEqual({ status: 400, body: { error: 'invalid_client' } });
    expect((await requestClientToken(app.tokenEndpoint, app.clientId, rotated.body.clientSecret)).status).toBe(200);

    const noGrace = await http.post(`/v1/applications/${app.id}/rotate-secret`, { gracePeriodSeconds: 0 }, { token: dev.token });
    expect(noGrace.status).toBe(201);
    expect((await requestClientToken(app.tokenEndpoint, app.clientId, rotated.body.clientSecret)).status).toBe(400);
    expect((await requestClientToken(app.tokenEndpoint, app.clientId, noGrace.body.clientSecret)).status).toBe(200);
  });

  it('deletes an application: 204, gone from the list, its secret no longer gets a token', async () => {
    const app = await createApplication(http, dev.token, { name: 'doomed' });
    expect((await http.delete(`/v1/applications/${app.id}`, { token: dev.token })).status).toBe(204);
    expect((await http.get(`/v1/applications/${app.id}`, { token: dev.token })).status).toBe(404);
    expect((await requestClientToken(app.tokenEndpoint, app.clientId, app.clientSecret)).status).toBe(400);
    expect((await http.delete(`/v1/applications/${app.id}`, { token: dev.token })).status).toBe(404);
  });

  it('lets a service account read the admin routes with admin.read, change them only with admin.write, audited under its name', async () => {
    const reader = await http.post('/v1/admin/service-accounts', { name: 'reporting', scopes: ['keyport/admin.read'] }, { token: admin });
    expect(reader.status).toBe(201);
    expect(reader.body).toMatchObject({ clientId: expect.any(String), clientSecret: expect.any(String), scopes: ['keyport/admin.read'] });
    const readToken = (await requestClientToken(reader.body.tokenEndpoint, reader.body.clientId, reader.body.clientSecret)).body.access_token;
    expect((await http.get('/v1/admin/usage?from=2026-01-01&to=2026-01-02', { token: readToken })).status).toBe(200);
    const refused = await http.put('/v1/admin/tiers/standard', { name: 'Standard plan' }, { token: readToken });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SCOPE_MISSING');
    // A service account's token is still not a developer's.
    expect((await http.get('/v1/me', { token: readToken })).body.code).toBe('CLIENT_TOKEN_NOT_ALLOWED');

    const writer = await http.post(
      '/v1/admin/service-accounts',
      { name: 'billing-sync', scopes: ['keyport/admin.read', 'keyport/admin.write'] },
      { token: admin },
    );
    const writeToken = (await requestClientToken(writer.body.tokenEndpoint, writer.body.clientId, writer.body.clientSecret)).body.access_token;
    const changed = await http.put('/v1/admin/tiers/standard', { name: 'Standard plan' }, { token: writeToken });
    expect(changed.status).toBe(200);
    const audit = await http.get('/v1/admin/audit-log?actor=billing-sync', { token: admin });
    expect(audit.status).toBe(200);
    expect(audit.body.items[0]).toMatchObject({ actor: { type: 'service_account', id: 'billing-sync' } });

    expect((await http.post('/v1/admin/service-accounts', { name: 'x', scopes: ['keyport-api/read'] }, { token: admin })).status).toBe(400);
    expect((await http.post('/v1/admin/service-accounts', { name: 'x', scopes: ['keyport/admin.read'] }, { token: dev.token })).status).toBe(403);
  });

  it('lists service accounts to admins and deletes one: 204, audited once, its tokens refused at once', async () => {
    const created = await http.post('/v1/admin/service-accounts', { name: 'nightly-export', scopes: ['keyport/admin.read'] }, { token: admin });
    expect(created.status).toBe(201);
    const token = (await requestClientToken(created.body.tokenEndpoint, created.body.clientId, created.body.clientSecret)).body.access_token;
    expect((await http.get('/v1/admin/usage?from=2026-01-01&to=2026-01-02', { token })).status).toBe(200);

    const listed = await http.get('/v1/admin/service-accounts', { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id: created.body.id, name: 'nightly-export', clientId: created.body.clientId, scopes: ['keyport/admin.read'] }),
    );
    expect(listed.text).not.toContain(created.body.clientSecret);
    // Developers' applications are not service accounts, and developers do not see this list.
    const app = await createApplication(http, dev.token, { name: 'not-a-service-account' });
    expect((await http.get('/v1/admin/service-accounts', { token: admin })).body.items.map((item: { id: string }) => item.id)).not.toContain(app.id);
    expect((await http.get('/v1/admin/service-accounts', { token: dev.token })).status).toBe(403);
    expect((await http.delete(`/v1/admin/service-accounts/${created.body.id}`, { token: dev.token })).status).toBe(403);
    const notOne = await http.delete(`/v1/admin/service-accounts/${app.id}`, { token: admin });
    expect(notOne.status).toBe(404);
    expectErrorShape(notOne.body, 404);
    expect((await http.delete('/v1/admin/service-accounts/not-a-uuid', { token: admin })).status).toBe(400);

    const deleted = await http.delete(`/v1/admin/service-accounts/${created.body.id}`, { token: admin });
    expect(deleted.status).toBe(204);
    const refused = await http.get('/v1/admin/usage?from=2026-01-01&to=2026-01-02', { token });
    expect(refused.status).toBe(401);
    expectErrorShape(refused.body, 401);
    expect((await http.get('/v1/admin/service-accounts', { token: admin })).body.items.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
    expect((await http.delete(`/v1/admin/service-accounts/${created.body.id}`, { token: admin })).status).toBe(404);
    const audit = await http.get(`/v1/admin/audit-log?target=${created.body.id}`, { token: admin });
    expect(audit.status).toBe(200);
    expect(audit.body.items.filter((entry: { action: string }) => entry.action === 'service_account.deleted')).toHaveLength(1);
    expect((await http.delete(`/v1/applications/${app.id}`, { token: dev.token })).status).toBe(204);
  });

  it("refuses an application's token on the developer routes", async () => {
    const app = await createApplication(http, dev.token, { name: 'not-a-person' });
    const token = (await requestClientToken(app.tokenEndpoint, app.clientId, app.clientSecret)).body.access_token;
    const me = await http.get('/v1/me', { token });
    expect(me.status).toBe(403);
    expect(me.body.code).toBe('CLIENT_TOKEN_NOT_ALLOWED');
    const adminRoute = await http.get('/v1/admin/usage', { token });
    expect(adminRoute.status).toBe(403);
  });
});
