import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/http-client';
import { KeyportHarness } from '../support/keyport-harness';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('the API process serving the portal', () => {
  let harness: KeyportHarness;
  let http: HttpClient;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('answers the page at / and at any deep link that asks for HTML, never cached, with a fresh nonce in a strict policy', async () => {
    const pages = await Promise.all(['/', '/keys', '/dashboard?x=1', '/admin/developers/42'].map((url) => http.get(url, { headers: HTML })));
    const nonces = new Set<string>();
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toMatch(/no-cache/);
      expect(page.text).toContain('<div id="root"></div>');
      const nonce = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(page.text)![1];
      expect(page.text).not.toContain('KEYPORT_CSP_NONCE');
      const policy = page.headers.get('content-security-policy')!;
      expect(policy).toContain(`script-src 'self' 'nonce-${nonce}'`);
      expect(policy).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(policy).not.toContain('unsafe-inline');
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(pages.length);
  });

  it('tells the page that codes go to the server log on the embedded identity provider', async () => {
    const page = await http.get('/login', { headers: HTML });
    expect(page.text).toContain('<meta name="keyport-settings" content="{&quot;identity&quot;:&quot;embedded&quot;}"');
  });

  it('keeps the API paths and non-HTML requests to the API: its 404 in the error shape', async () => {
    for (const url of ['/v1/nothing-here', '/health/nope', '/metrics/x', '/docs/nope.html']) {
      const response = await http.get(url, { headers: HTML });
      expect(response.status, url).toBe(404);
      expect(response.body, url).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
    }
    const json = await http.get('/keys', { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(json.body.code).toBe('ROUTE_NOT_FOUND');
    expect((await http.get('/assets/missing-file.js')).status).toBe(404);
  });

  it('serves hashed assets for a year, precompressed when the client takes it', async () => {
    const assets = await readdir(path.resolve('apps/portal-web/dist/assets'));
    const script = assets.find((name) => name.endsWith('.js'))!;
    const plain = await fetch(`${harness.baseUrl}/assets/${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    const brotli = await fetch(`${harness.baseUrl}/assets/${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(Number(brotli.headers.get('content-length'))).toBeLessThan(plainBytes);
    const favicon = await http.get('/favicon.svg');
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get('cache-control')).toBe('no-cache');
  });

  it('keeps Swagger UI working at /docs with its own, looser policy there only', async () => {
    const docs = await http.get('/docs', { headers: HTML });
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-inline'");
    const api = await http.get('/v1/tiers');
    expect(api.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });
});
