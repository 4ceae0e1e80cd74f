import createClient, { type Middleware } from 'openapi-fetch';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENED_COGNITO_CONNECTION, type OpenedCognitoConnection } from '@keyport/cognito';
import { HttpClient } from '../support/http-client';
import { resolveResponse } from '../support/openapi-document';
import { ADMIN_EMAIL, ADMIN_PASSWORD, KeyportHarness } from '../support/keyport-harness';
import { PASSWORD, uniqueEmail } from '../support/journey';
import type { components, paths } from '../../apps/portal-web/src/api/keyport-api.gen';

type ErrorBody = components['schemas']['ErrorBodyDto'];

/**
 * The contract a generated client relies on: the typed client the web app uses
 * (apps/portal-web/src/api/keyport-api.gen.ts) is what
 * openapi-typescript makes of /docs-json today (regenerate with `npm run openapi:client` when the
 * API changes on purpose), and the whole developer journey and an admin action run through
 * openapi-fetch with it, type-checked strictly (`npm run typecheck`). Every answer must be one the
 * document lists for its operation, with an error code it lists.
 */
describe('the API contract, through a client generated from the OpenAPI document', () => {
  let harness: KeyportHarness;
  let document: any;
  const undocumented: string[] = [];

  /** Checks every answer against the operation the client called, as the document describes it. */
  const documented: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      const responses = document.paths[schemaPath]?.[request.method.toLowerCase()]?.responses ?? {};
      const where = `${request.method} ${schemaPath} ${response.status}`;
      const documentedAnswer = resolveResponse(document, responses[response.status]);
      if (!documentedAnswer) {
        undocumented.push(`${where} is not documented`);
      } else if (response.status >= 400) {
        const body = (await response.clone().json()) as ErrorBody;
        if (!documentedAnswer['x-error-codes'].includes(body.code)) undocumented.push(`${where} ${body.code} is not listed`);
      }
      return undefined;
    },
  };

  const client = (token?: string) => {
    const typed = createClient<paths>({ baseUrl: harness.baseUrl, headers: token ? { authorization: `Bearer ${token}` } : {} });
    typed.use(documented);
    return typed;
  };

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    document = (await new HttpClient(harness.baseUrl).get('/docs-json')).body;
  });

  afterAll(() => harness?.close());

  it('has a committed client that is what openapi-typescript generates from the document today', async () => {
    const generated = COMMENT_HEADER + astToString(await openapiTS(document));
    await expect(generated).toMatchFileSnapshot('../../apps/portal-web/src/api/keyport-api.gen.ts');
  });

  it('drives the developer journey and an admin action through the generated client', async () => {
    const anonymous = client();
    const tiers = await anonymous.GET('/v1/tiers');
    expect(tiers.data?.map((tier) => tier.slug)).toEqual(expect.arrayContaining(['standard', 'premium']));

    // Sign up, confirm with the code the embedded pool would have e-mailed, sign in.
    const email = uniqueEmail('contract');
    const signUp = await anonymous.POST('/v1/auth/signup', { body: { email, password: PASSWORD } });
    expect(signUp.response.status).toBe(201);
    const userId: string = signUp.data!.userId;
    const code = harness.app.get<OpenedCognitoConnection>(OPENED_COGNITO_CONNECTION).server!.lastCodeFor(email)!;
    expect((await anonymous.POST('/v1/auth/confirm', { body: { email, code } })).response.status).toBe(204);
    const login = await anonymous.POST('/v1/auth/login', { body: { email, password: PASSWORD } });
    const tokens = login.data!;
    if (!('accessToken' in tokens)) throw new Error('a sign-up signs in with tokens, not a challenge');
    expect(tokens.expiresIn).toBeGreaterThan(0);
    const dev = client(tokens.accessToken);

    const me = await dev.GET('/v1/me');
    expect(me.data).toMatchObject({ id: userId, email, tier: 'standard', status: 'active' });

    // Keys: the value once, never again.
    const created = await dev.POST('/v1/keys', { body: { name: 'production' } });
    const key = created.data!;
    expect(key.value).toMatch(/^kp[A-Za-z0-9]{38}$/);
    expect(key.rotatedFromId).toBeNull();
    const listed = await dev.GET('/v1/keys');
    expect(listed.data!.items.map((item) => item.id)).toEqual([key.id]);
    expect(listed.data!.items[0]).not.toHaveProperty('value');
    const one = await dev.GET('/v1/keys/{id}', { params: { path: { id: key.id } } });
    expect(one.data!.name).toBe('production');

    // Errors come typed, with a code to branch on.
    const missing = await dev.GET('/v1/keys/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    const notFound: ErrorBody | undefined = missing.error;
    expect(notFound?.code).toBe('NOT_FOUND');
    const invalid = await dev.POST('/v1/keys', { body: { name: '' } });
    expect(invalid.error?.details).toEqual([{ field: 'name', message: 'must be longer than or equal to 1 characters' }]);

    const changed = await dev.PUT('/v1/me/tier', { body: { tier: 'premium' } });
    expect(changed.data!.tier).toBe('premium');

    const rotated = await dev.POST('/v1/keys/{id}/rotate', { params: { path: { id: key.id } }, body: { gracePeriodSeconds: 60 } });
    expect(rotated.data!.rotatedFromId).toBe(key.id);
    const again = await dev.POST('/v1/keys/{id}/rotate', { params: { path: { id: key.id } }, body: {} });
    expect(again.error?.code).toBe('KEY_ALREADY_ROTATED');
    expect((await dev.DELETE('/v1/keys/{id}', { params: { path: { id: key.id } } })).response.status).toBe(204);

    const today = new Date().toISOString().slice(0, 10);
    const usage = await dev.GET('/v1/usage', { params: { query: { from: today, to: today, keyId: rotated.data!.id } } });
    expect(usage.data!.quota).toMatchObject({ period: expect.any(String), used: expect.any(Number), remaining: expect.any(Number) });

    const refreshed = await anonymous.POST('/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken! } });
    expect((await client(refreshed.data!.accessToken).GET('/v1/me')).data!.id).toBe(userId);

    // An admin finds the developer and suspends them; the developer's own routes then say so.
    const adminLogin = await anonymous.POST('/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    const adminTokens = adminLogin.data!;
    if (!('accessToken' in adminTokens)) throw new Error('the admin signs in with tokens, not a challenge');
    const admin = client(adminTokens.accessToken);
    const found = await admin.GET('/v1/admin/developers', { params: { query: { search: email, limit: 10 } } });
    expect(found.data!.items.map((item) => item.id)).toEqual([userId]);
    expect(found.data!.nextCursor).toBeNull();
    const suspended = await admin.POST('/v1/admin/developers/{id}/suspend', { params: { path: { id: userId } }, body: { reason: 'contract test' } });
    expect(suspended.data!.status).toBe('suspended');
    expect((await dev.GET('/v1/me')).error?.code).toBe('ACCOUNT_SUSPENDED');
    const notADeveloper = await admin.GET('/v1/me');
    expect(notADeveloper.error?.code).toBe('NOT_A_DEVELOPER');

    expect(undocumented).toEqual([]);
  });
});
