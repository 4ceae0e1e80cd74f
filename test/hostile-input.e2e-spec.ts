import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape } from './support/journey';
import { type Operation } from './support/openapi-operations';
import { type RouteWorld, startRouteWorld } from './support/route-world';

interface RawResult {
  status: number;
  body: any;
  text: string;
}

/**
 * Input that used to reach a 500 or leave the one error shape, sent to every route of the OpenAPI
 * document it can reach: JSON nested past the limit, bodies that are not JSON, strings with NUL or
 * an unpaired surrogate, `null` for fields, NUL in query strings and path parameters, and URLs
 * Fastify's router refuses itself. Every answer is a 4xx in the error shape, naming the field where
 * there is one, and nothing changes.
 */
describe('hostile input on every route', () => {
  let world: RouteWorld;
  let operations: Operation[];

  beforeAll(async () => {
    world = await startRouteWorld();
    // Stripe's webhook reads the raw body and is covered by the billing suites.
    operations = world.operations.filter((op) => op.path !== '/v1/billing/webhook');
  });

  afterAll(() => world?.harness.close());

  /** A path with real ids, so the request reaches the route's own checks. */
  const pathOf = (op: Operation, value?: string): string =>
    op.path.replace(
      /\{(\w+)\}/g,
      (_, name: string) => value ?? (name === 'slug' ? 'standard' : op.path.startsWith('/v1/admin/developers') ? world.dev.id : world.keyId),
    );
  const tokenOf = (op: Operation): string | undefined => (op.secured ? (op.path.startsWith('/v1/admin') ? world.admin : world.dev.token) : undefined);

  function send(method: string, path: string, options: { token?: string; body?: string; contentType?: string } = {}): Promise<RawResult> {
    const url = new URL(world.harness.baseUrl);
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let body: any = text;
          try {
            body = JSON.parse(text);
          } catch {
            // kept as text; the assertion on the shape fails with it
          }
          resolve({ status: response.statusCode ?? 0, body, text });
        });
      });
      request.on('error', reject);
      request.end(options.body);
    });
  }

  async function snapshot() {
    const developer = await world.http.get(`/v1/admin/developers/${world.dev.id}`, { token: world.admin });
    return {
      keys: (await world.http.get('/v1/keys', { token: world.dev.token })).body,
      me: (await world.http.get('/v1/me', { token: world.dev.token })).body,
      developer: { ...developer.body, usage: undefined },
      tiers: (await world.http.get('/v1/admin/tiers', { token: world.admin })).body,
      audit: (await world.http.get('/v1/admin/audit-log?limit=500', { token: world.admin })).body.items.length,
    };
  }

  it('refuses JSON nested deeper than 32 levels on every body route with a 400 before anything else runs', async () => {
    const bodyRoutes = operations.filter((op) => op.hasBody);
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(10);
    const before = await snapshot();
    const deep = [
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
      `{"email":${'['.repeat(33)}"x"${']'.repeat(33)}}`,
    ];
    for (const op of bodyRoutes) {
      for (const body of deep) {
        const result = await send(op.method, pathOf(op), { token: tokenOf(op), body });
        expect(result.status, `${op.method} ${op.path}`).toBe(400);
        expectErrorShape(result.body, 400);
        expect(result.body.code).toBe('BODY_TOO_DEEP');
      }
      // 32 levels is still a body (which validation then judges).
      const atLimit = await send(op.method, pathOf(op), { token: tokenOf(op), body: `{"x":${'['.repeat(31)}${']'.repeat(31)}}` });
      expect(atLimit.status, `${op.method} ${op.path}`).toBe(400);
      expect(atLimit.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 415 to a body that is not JSON on every body route, whatever content type it claims', async () => {
    const before = await snapshot();
    for (const op of operations.filter((o) => o.hasBody)) {
      for (const [body, contentType] of [
        ['email=a%40b.c&password=x', 'application/x-www-form-urlencoded'], // curl -d without a content type
        ['{"name": ', 'application/json'],
        ['{"name":"x"}', 'text/plain'],
        ['{"name":"x"}', 'application/json; charset=utf-16'],
        ['\u00ff\u00fe', 'application/json'],
      ] as const) {
        const result = await send(op.method, pathOf(op), { token: tokenOf(op), body, contentType });
        expect(result.status, `${op.method} ${op.path} ${contentType}`).toBe(415);
        expectErrorShape(result.body, 415);
        expect(result.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses NUL, unpaired surrogates and null in every body field with a 400 naming the field', async () => {
    const before = await snapshot();
    let checked = 0;
    for (const op of operations.filter((o) => o.hasBody)) {
      for (const field of op.bodyFields) {
        const values = field.type === 'string' ? ['"a\\u0000b"', '"a\\ud800b"', '"\\udfff"', 'null'] : ['null'];
        for (const value of values) {
          const result = await send(op.method, pathOf(op), { token: tokenOf(op), body: `{"${field.name}":${value}}` });
          expect(result.status, `${op.method} ${op.path} ${field.name}=${value}`).toBe(400);
          expectErrorShape(result.body, 400);
          expect(result.body.code).toBe('VALIDATION_FAILED');
          expect(
            result.body.details.map((d: any) => d.field),
            `${op.method} ${op.path} ${field.name}=${value}`,
          ).toContain(field.name);
          checked++;
        }
      }
    }
    // e-mail, password, code, refresh token, tier, key name, grace, reason, quota, tier name, ...
    expect(checked).toBeGreaterThan(40);
    // Nested fields and property names too.
    const nested = await send('PUT', '/v1/admin/tiers/standard', { token: world.admin, body: '{"throttle":{"rateLimit":null,"burstLimit":1}}' });
    expect(nested.status).toBe(400);
    expect(nested.body.details.map((d: any) => d.field)).toContain('throttle.rateLimit');
    const badKey = await send('POST', '/v1/keys', { token: world.dev.token, body: '{"na\\u0000me":"x"}' });
    expect(badKey.status).toBe(400);
    expectErrorShape(badKey.body, 400);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses NUL in every query parameter and path parameter with a 400 naming it', async () => {
    const before = await snapshot();
    for (const op of operations) {
      for (const name of op.queryParams) {
        const result = await send(op.method, `${pathOf(op)}?${name}=a%00b`, { token: tokenOf(op) });
        expect(result.status, `${op.method} ${op.path}?${name}`).toBe(400);
        expectErrorShape(result.body, 400);
        expect(result.body.details.map((d: any) => d.field)).toContain(name);
      }
      for (const name of op.pathParams) {
        const result = await send(op.method, pathOf(op, 'a%00b'), { token: tokenOf(op), ...(op.hasBody ? { body: '{}' } : {}) });
        expect(result.status, `${op.method} ${op.path} ${name}`).toBe(400);
        expectErrorShape(result.body, 400);
        expect(result.body.details.map((d: any) => d.field)).toContain(name);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers the router's own refusals in the error shape, without echoing the path", async () => {
    const cases: Array<[string, number, string]> = [
      [`/v1/keys/%E0%A4%A<script>`, 400, 'MALFORMED_URL'],
      [`/v1/admin/developers/%ZZ/billing`, 400, 'MALFORMED_URL'],
      [`/v1/keys/${'x'.repeat(300)}`, 414, 'URI_TOO_LONG'],
      [`/v1/nowhere/<script>alert(1)</script>`, 404, 'ROUTE_NOT_FOUND'],
    ];
    for (const [path, status, code] of cases) {
      const result = await send('GET', path, { token: world.dev.token });
      expect(result.status, path).toBe(status);
      expectErrorShape(result.body, status);
      expect(result.body.code).toBe(code);
      expect(result.text).not.toMatch(/script|xxxxxxxx|%E0|%ZZ|nowhere|v1\//);
    }
  });
});
