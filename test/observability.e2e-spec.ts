import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, signUpDeveloper, type SignedInDeveloper, waitForKeyStatus } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';
import { findSecrets } from './support/secret-patterns';

describe('observability and HTTP hardening', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let dev: SignedInDeveloper;
  let keyValue: string;

  beforeAll(async () => {
    harness = await KeyportHarness.start({ env: { CORS_ORIGINS: 'https://portal.example.com' } });
    http = new HttpClient(harness.baseUrl);
    dev = await signUpDeveloper(http, await adminToken(http));
    const created = await http.post('/v1/keys', { name: 'metered' }, { token: dev.token });
    expect(created.status).toBe(201);
    keyValue = created.body.value;
    await waitForKeyStatus(http, dev.token, created.body.id, 'active');
  });

  afterAll(() => harness?.close());

  it('echoes a sane x-request-id, makes one otherwise, and logs each request as JSON under that id', async () => {
    const given = await http.get('/v1/me', { token: dev.token, headers: { 'x-request-id': 'trace-abc.123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-abc.123');
    const made = await http.get('/v1/me', { token: dev.token, headers: { 'x-request-id': 'not ok; <script>' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // A key value in a path must not reach the log either.
    await http.get(`/v1/keys/${keyValue}`, { token: dev.token, headers: { 'x-request-id': 'trace-key-in-path' } });

    const lines = await logLines(harness, (entry) => entry.msg === 'request');
    expect(lines.find((entry) => entry.requestId === 'trace-abc.123')).toMatchObject({ method: 'GET', route: '/v1/me', status: 200 });
    expect(lines.find((entry) => entry.requestId === made.headers.get('x-request-id'))).toBeDefined();
    expect(lines.find((entry) => entry.requestId === 'trace-key-in-path')).toMatchObject({ status: 400 });
    const text = await readFile(harness.logFile, 'utf8');
    expect(findSecrets(text, [keyValue, dev.token])).toEqual([]);
  });

  it('serves Prometheus text: latency by route and status, driver calls, outbox depth and age', async () => {
    const scrape = await http.get('/metrics');
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    expect(scrape.text).toMatch(/keyport_http_request_duration_seconds_count\{method="GET",route="\/v1\/me",status="200"\} \d+/);
    expect(scrape.text).toMatch(/keyport_http_request_duration_seconds_count\{method="POST",route="\/v1\/keys",status="201"\} 1/);
    expect(scrape.text).toMatch(/keyport_gateway_driver_calls_total\{driver="local",operation="createApiKey",result="ok"\} 1/);
    expect(scrape.text).toMatch(/keyport_outbox_pending \d+/);
    expect(scrape.text).toMatch(/keyport_outbox_oldest_pending_age_seconds \d+/);
    expect(scrape.text).not.toContain(keyValue);
  });

  it('answers health through terminus on the same routes', async () => {
    expect((await http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', checks: { database: 'ok', identity: 'ok', gateway: 'ok' } });
  });

  it('sends security headers and allows only the listed CORS origins', async () => {
    const plain = await http.get('/v1/tiers');
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
    expect(plain.headers.get('strict-transport-security')).toContain('max-age=');
    expect(plain.headers.get('x-frame-options')).toBe('SAMEORIGIN');

    const allowed = await http.request('OPTIONS', '/v1/keys', {
      headers: {
        origin: 'https://portal.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
    const refused = await http.get('/v1/tiers', { headers: { origin: 'https://evil.example.com' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    // A browser client may read the Bearer challenge of a 401, like Retry-After of a 429.
    const unauthenticated = await http.get('/v1/me', { headers: { origin: 'https://portal.example.com' } });
    expect(unauthenticated.headers.get('access-control-expose-headers')).toContain('www-authenticate');
  });

  it('still answers errors in the one shape with the hardening in place', async () => {
    const missing = await http.get('/v1/nothing-here');
    expect(missing.status).toBe(404);
    expectErrorShape(missing.body, 404);
  });
});

async function logLines(harness: KeyportHarness, keep: (entry: Record<string, any>) => boolean): Promise<Array<Record<string, any>>> {
  const text = await readFile(harness.logFile, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, any>)
    .filter(keep);
}
