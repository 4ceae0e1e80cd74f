import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { expectErrorShape, signUpDeveloper, startWithAdmin } from './support/journey';
import { type KeyportHarness } from './support/keyport-harness';

const ORDERS_JSON = {
  openapi: '3.0.3',
  info: { title: 'Orders API', version: '1.2.0', description: 'Orders, from cart to delivery' },
  servers: [{ url: 'https://internal.example.com/orders' }],
  paths: {
    '/orders/{id}': {
      get: {
        tags: ['orders'],
        summary: 'Read an order',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: null }],
        responses: { '200': { description: 'The order' } },
      },
    },
  },
};

const BILLING_YAML = `openapi: 3.1.0
info:
  title: Billing API
  version: "2026-12"
paths:
  /invoices:
    get:
      summary: List invoices
      responses:
        "200":
          description: The invoices
`;

describe('API catalogue (PUT/DELETE /v1/admin/apis/{slug}, GET /v1/apis)', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    ({ harness, http, admin } = await startWithAdmin());
  });

  afterAll(() => harness?.close());

  const putYaml = (slug: string, yaml: string, contentType = 'application/yaml') =>
    http.request('PUT', `/v1/admin/apis/${slug}`, { rawBody: yaml, headers: { 'content-type': contentType }, token: admin });

  it('seeds the echo demo on the embedded default, its servers at the embedded gateway', async () => {
    const list = await http.get('/v1/apis');
    expect(list.status).toBe(200);
    expect(list.body.map((api: any) => api.slug)).toContain('echo-demo');
    const echo = await http.get('/v1/apis/echo-demo');
    expect(echo.body.document.servers).toEqual([{ url: harness.gatewayUrl }]);
    expect(Object.keys(echo.body.document.paths)).toContain('/hello');
  });

  it('publishes JSON (201, then 200 on replace), rewrites servers to the gateway and lists it publicly', async () => {
    const created = await http.put('/v1/admin/apis/orders', ORDERS_JSON, { token: admin });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ slug: 'orders', title: 'Orders API', version: '1.2.0', created: true });
    const replaced = await http.put('/v1/admin/apis/orders', { ...ORDERS_JSON, info: { ...ORDERS_JSON.info, version: '1.3.0' } }, { token: admin });
    expect(replaced.status).toBe(200);
    expect(replaced.body.created).toBe(false);

    const list = await http.get('/v1/apis');
    expect(list.body.find((api: any) => api.slug === 'orders')).toEqual({
      slug: 'orders',
      title: 'Orders API',
      version: '1.3.0',
      description: 'Orders, from cart to delivery',
      updatedAt: expect.any(String),
    });
    const one = await http.get('/v1/apis/orders');
    expect(one.status).toBe(200);
    expect(one.body.document.servers).toEqual([{ url: harness.gatewayUrl }]);
    // The rest of the document is as published, nulls included.
    expect(one.body.document.paths['/orders/{id}'].get.parameters[0].example).toBeNull();
  });

  it('publishes YAML as application/yaml and text/yaml, on this route only', async () => {
    const created = await putYaml('billing', BILLING_YAML);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ title: 'Billing API', version: '2026-12' });
    expect((await putYaml('billing', BILLING_YAML.replace('2026-12', '2027-01'), 'text/yaml; charset=utf-8')).status).toBe(200);
    expect((await http.get('/v1/apis/billing')).body.document.paths['/invoices'].get.summary).toBe('List invoices');
    // Elsewhere YAML stays what it always was: not JSON.
    const elsewhere = await http.request('PUT', '/v1/admin/tiers/free', {
      rawBody: 'name: Free',
      headers: { 'content-type': 'application/yaml' },
      token: admin,
    });
    expect(elsewhere.status).toBe(415);
  });

  it('refuses what is not OpenAPI 3.x with 400 API_DOCUMENT_INVALID and the parser message, changing nothing', async () => {
    const before = (await http.get('/v1/apis/orders')).body;
    const cases: Array<[string, () => Promise<any>, string]> = [
      ['broken YAML', () => putYaml('orders', 'openapi: 3.0.0\ninfo: [unclosed'), 'document'],
      ['Swagger 2.0', () => http.put('/v1/admin/apis/orders', { ...ORDERS_JSON, openapi: undefined, swagger: '2.0' }, { token: admin }), 'openapi'],
      ['no info.title', () => http.put('/v1/admin/apis/orders', { ...ORDERS_JSON, info: { version: '1' } }, { token: admin }), 'info.title'],
      ['no paths', () => http.put('/v1/admin/apis/orders', { ...ORDERS_JSON, paths: undefined }, { token: admin }), 'paths'],
      ['a list', () => putYaml('orders', '- openapi: 3.0.0'), 'document'],
      [
        'NUL in a string',
        () => http.put('/v1/admin/apis/orders', { ...ORDERS_JSON, info: { ...ORDERS_JSON.info, description: 'a\u0000b' } }, { token: admin }),
        'info.description',
      ],
    ];
    for (const [label, send, field] of cases) {
      const refused = await send();
      expect(refused.status, `${label}: ${refused.text}`).toBe(400);
      expectErrorShape(refused.body, 400);
      expect(refused.body.code, label).toBe('API_DOCUMENT_INVALID');
      expect(refused.body.details[0].field, label).toBe(field);
    }
    expect((await putYaml('orders', 'openapi: 3.0.0\ninfo: [unclosed')).body.message).toMatch(/not valid YAML or JSON: .+/);
    expect((await http.get('/v1/apis/orders')).body).toEqual(before);
    // A bad slug, or a document larger than the body limit, is refused before anything is parsed.
    expect((await http.put('/v1/admin/apis/Not_A_Slug', ORDERS_JSON, { token: admin })).status).toBe(400);
    expect((await putYaml('huge', `openapi: 3.0.0\n# ${'x'.repeat(70_000)}\n`)).status).toBe(413);
  });

  it('keeps admin routes for admins (developer 403, anonymous 401) and audits each change once', async () => {
    const developer = await signUpDeveloper(http, admin);
    for (const [method, path, body] of [
      ['PUT', '/v1/admin/apis/orders', ORDERS_JSON],
      ['DELETE', '/v1/admin/apis/orders', undefined],
      ['POST', '/v1/admin/apis/orders/import', { restApiId: 'abc123', stage: 'prod' }],
    ] as const) {
      const refused = await http.request(method, path, { body, token: developer.token });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expectErrorShape(refused.body, 403);
      expect((await http.request(method, path, { body })).status).toBe(401);
    }
    expect((await http.get('/v1/apis/orders', { token: developer.token })).status).toBe(200);
    const audit = (await http.get('/v1/admin/audit-log?target=orders', { token: admin })).body.items;
    expect(audit.map((entry: any) => entry.action).sort()).toEqual(['api.published', 'api.replaced']);
  });

  it('answers 409 API_IMPORT_NEEDS_AWS for an import on the embedded gateway', async () => {
    const refused = await http.post('/v1/admin/apis/orders/import', { restApiId: 'abc123', stage: 'prod' }, { token: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('API_IMPORT_NEEDS_AWS');
  });

  it('deletes (204, then 404) and the API leaves the public list', async () => {
    expect((await http.delete('/v1/admin/apis/billing', { token: admin })).status).toBe(204);
    const again = await http.delete('/v1/admin/apis/billing', { token: admin });
    expect(again.status).toBe(404);
    expectErrorShape(again.body, 404);
    expect((await http.get('/v1/apis/billing')).status).toBe(404);
    expect((await http.get('/v1/apis')).body.map((api: any) => api.slug)).not.toContain('billing');
  });

  it('lets the portal page call the gateway: CSP connect-src and CORS for its origin only', async () => {
    const page = await fetch(`${harness.baseUrl}/apis`, { headers: { accept: 'text/html' } });
    const gatewayOrigin = new URL(harness.gatewayUrl).origin;
    if (page.status === 200) expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${gatewayOrigin}`);
    const preflight = await fetch(`${harness.gatewayUrl}/hello`, {
      method: 'OPTIONS',
      headers: { origin: harness.baseUrl, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, x-api-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(harness.baseUrl);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-api-key');
    const refused = await fetch(`${harness.gatewayUrl}/hello`, { headers: { origin: harness.baseUrl } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(harness.baseUrl);
    const stranger = await fetch(`${harness.gatewayUrl}/hello`, { headers: { origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });
});
