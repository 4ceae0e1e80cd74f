import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient } from './support/http-client';
import { expectErrorShape, PASSWORD, signUpDeveloper, startWithAdmin, uniqueEmail } from './support/journey';
import { ADMIN_EMAIL, ADMIN_PASSWORD, KeyportHarness } from './support/keyport-harness';
import { redisAnswers, TEST_REDIS_URL } from './support/redis-probe';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: any;
}

/** Loopback has all of 127.0.0.0/8: each attempt can come from its own source address. */
const SOURCES = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7'];

function signIn(baseUrl: string, email: string, password: string, localAddress: string): Promise<Answer> {
  const url = new URL(baseUrl);
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, method: 'POST', path: '/v1/auth/login', localAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string | undefined, body: JSON.parse(text) }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Wrong passwords spread over several source addresses; returns the statuses. */
async function guess(baseUrl: string, email: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await signIn(baseUrl, email, `Wrong-Guess-${i}!`, SOURCES[i % SOURCES.length]!)).status);
  return statuses;
}

/**
 * Per-account protection on sign-in (defaults: 10 attempts per 15 minutes): whatever the source
 * address, further attempts answer 429 with Retry-After, the right password included, and an
 * e-mail nobody signed up with locks out the same way; a successful sign-in clears the count.
 */
describe('sign-in lockout per account', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    // The admin's token is taken before the admin account is locked out below.
    ({ harness, http, admin } = await startWithAdmin());
  });

  afterAll(() => harness?.close());

  it('locks the admin account after 10 attempts from several addresses, even against the right password', async () => {
    expect(await guess(harness.baseUrl, ADMIN_EMAIL, 10)).toEqual(Array(10).fill(401));
    const locked = await signIn(harness.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, '127.0.0.9');
    expect(locked.status).toBe(429);
    expectErrorShape(locked.body, 429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    const retryAfter = Number(locked.retryAfter);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Other accounts are not affected.
    const dev = await signUpDeveloperWithoutAdmin();
    expect((await signIn(harness.baseUrl, dev, PASSWORD, '127.0.0.9')).status).toBe(401); // unconfirmed, but answered
  });

  it('answers an e-mail nobody signed up with exactly as an existing account', async () => {
    const nobody = uniqueEmail('nobody');
    const existing = await signUpDeveloperConfirmed();
    const forNobody = await guess(harness.baseUrl, nobody, 11);
    const forExisting = await guess(harness.baseUrl, existing, 11);
    expect(forNobody).toEqual([...Array(10).fill(401), 429]);
    expect(forExisting).toEqual(forNobody);
    const [a, b] = [await signIn(harness.baseUrl, nobody, PASSWORD, '127.0.0.8'), await signIn(harness.baseUrl, existing, PASSWORD, '127.0.0.8')];
    expect({ ...a.body, message: a.body.message.replace(/\d+ s/, 'N s') }).toEqual({ ...b.body, message: b.body.message.replace(/\d+ s/, 'N s') });
    expect(a.status).toBe(b.status);
  });

  it('clears the count on a successful sign-in, and counts per normalised e-mail', async () => {
    const email = await signUpDeveloperConfirmed();
    expect(await guess(harness.baseUrl, email, 9)).toEqual(Array(9).fill(401));
    expect((await signIn(harness.baseUrl, email.toUpperCase(), PASSWORD, '127.0.0.2')).status).toBe(200);
    expect(await guess(harness.baseUrl, email.toUpperCase(), 10)).toEqual(Array(10).fill(401));
    expect((await signIn(harness.baseUrl, email, PASSWORD, '127.0.0.3')).status).toBe(429);
  });

  async function signUpDeveloperWithoutAdmin(): Promise<string> {
    const email = uniqueEmail();
    expect((await http.post('/v1/auth/signup', { email, password: PASSWORD })).status).toBe(201);
    return email;
  }

  async function signUpDeveloperConfirmed(): Promise<string> {
    return (await signUpDeveloper(http, admin)).email;
  }
});

// CI always has Redis; a laptop without one skips this part.
describe.skipIf(!redisAnswers())('sign-in lockout shared by two replicas through Redis (skipped when Redis does not answer on 127.0.0.1:6379)', () => {
  let first: KeyportHarness | undefined;
  let second: KeyportHarness | undefined;

  beforeAll(async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: `kp-lockout-${randomUUID()}:`, AUTH_LOCKOUT_ATTEMPTS: '4' };
    [first, second] = await Promise.all([KeyportHarness.start({ env }), KeyportHarness.start({ env })]);
  });

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('counts attempts on either replica against one limit', async () => {
    const email = uniqueEmail('shared');
    expect(await guess(first!.baseUrl, email, 2)).toEqual([401, 401]);
    expect(await guess(second!.baseUrl, email, 2)).toEqual([401, 401]);
    expect((await signIn(first!.baseUrl, email, PASSWORD, '127.0.0.5')).status).toBe(429);
    expect((await signIn(second!.baseUrl, email, PASSWORD, '127.0.0.6')).status).toBe(429);
  });
});
