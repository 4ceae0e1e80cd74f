import { request as httpRequest } from 'node:http';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developerOnTier, gatewayHeaders, rememberKeyOwner } from './support/gateway-journey';
import { HttpClient } from './support/http-client';
import { PASSWORD, adminToken, startWithAdmin } from './support/journey';
import { type KeyportHarness } from './support/keyport-harness';

const LIMIT = 3;

/** One GET to the gateway from a chosen loopback source address (Linux routes all of 127/8 to lo). */
function callFrom(gatewayUrl: string, sourceAddress: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL('/things', gatewayUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers, localAddress: sourceAddress, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function matches(http: HttpClient, mode: string): Promise<number> {
  const text = (await http.get('/metrics')).text;
  return Number(new RegExp(`keyport_gateway_ip_rule_matches_total\\{mode="${mode}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
}

describe("the embedded gateway's IP rate rule (GATEWAY_IP_RATE_LIMIT)", () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let key: string;
  let email: string;

  beforeAll(async () => {
    const world = await startWithAdmin({ env: { GATEWAY_IP_RATE_LIMIT: String(LIMIT), GATEWAY_IP_RATE_WINDOW: '5m' } });
    harness = world.harness;
    http = world.http;
    // A tier generous enough that only the IP rule can refuse.
    ({
      dev: { email },
      key: { value: key },
    } = await developerOnTier(harness, http, world.admin, { throttle: { rateLimit: 1000, burstLimit: 1000 }, quota: { limit: 100_000, period: 'MONTH' } }));
  });
  afterAll(() => harness?.close());

  /** The embedded Cognito comes back on another free port, so another issuer: sign in again. */
  const restart = async (env: Record<string, string>) => {
    await harness.restart(env);
    http = new HttpClient(harness.baseUrl);
    const login = await http.post('/v1/auth/login', { email, password: PASSWORD });
    rememberKeyOwner(key, login.body.accessToken);
  };

  const calls = async (source: string, count: number, headers: Record<string, string> = {}) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await callFrom(harness.gatewayUrl, source, { ...gatewayHeaders(key), ...headers })).status);
    return statuses;
  };

  it('in count mode (the default) admits what is over the limit, logs it once and counts it', async () => {
    const before = await matches(http, 'count');
    expect(await calls('127.0.0.1', LIMIT + 2)).toEqual(Array(LIMIT + 2).fill(200));
    expect(await matches(http, 'count')).toBe(before + 2);
    const log = await readFile(harness.logFile, 'utf8');
    expect(log.split('\n').filter((line) => line.includes('IP rule (count mode) matched 127.0.0.1'))).toHaveLength(1);
  });

  it('in block mode refuses with 403 {"message":"Forbidden"} past the limit, before any key work; a second IP is unaffected', async () => {
    await restart({ GATEWAY_IP_RULE_MODE: 'block' });
    expect(await calls('127.0.0.1', LIMIT)).toEqual(Array(LIMIT).fill(200));
    const blocked = await callFrom(harness.gatewayUrl, '127.0.0.1', gatewayHeaders(key));
    expect(blocked).toEqual({ status: 403, body: JSON.stringify({ message: 'Forbidden' }) });
    // No key at all: the rule answers first, so the refusal is counted as the rule's, not as a missing key.
    const admissions = async () =>
      Number(/keyport_gateway_admissions_total\{outcome="ip_rule_blocked"\} (\d+)/.exec((await http.get('/metrics')).text)?.[1] ?? 0);
    const before = await admissions();
    expect((await callFrom(harness.gatewayUrl, '127.0.0.1', {})).status).toBe(403);
    expect(await admissions()).toBe(before + 1);
    expect(await matches(http, 'block')).toBe(2);
    expect(await calls('127.0.0.2', LIMIT)).toEqual(Array(LIMIT).fill(200));
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY trusts the peer', async () => {
    // Without TRUST_PROXY, a forged header does not give a blocked address a fresh count.
    expect(await calls('127.0.0.1', 2, { 'x-forwarded-for': '198.51.100.7' })).toEqual([403, 403]);

    await restart({ GATEWAY_IP_RULE_MODE: 'block', TRUST_PROXY: '127.0.0.1' });
    expect(await calls('127.0.0.1', LIMIT + 1, { 'x-forwarded-for': '198.51.100.7' })).toEqual([...Array(LIMIT).fill(200), 403]);
    expect(await calls('127.0.0.1', 1, { 'x-forwarded-for': '198.51.100.8' })).toEqual([200]);
    // 127.0.0.2 is not a trusted proxy: its header is ignored and it is counted as itself.
    expect(await calls('127.0.0.2', LIMIT + 1, { 'x-forwarded-for': '198.51.100.9' })).toEqual([...Array(LIMIT).fill(200), 403]);
    // The audit sees the rule blocking.
    const admin = await adminToken(new HttpClient(harness.baseUrl));
    const report = await new HttpClient(harness.baseUrl).get('/v1/admin/security?fresh=1', { token: admin });
    expect(report.body.findings.find((f: any) => f.check === 'gateway-ip-rule')).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('blocks with 403'),
    });
  });
});
