import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { GatewayStateSync } from '@keyport/embedded-gateway';
import { type Tier } from '@keyport/tiers';
import { TiersRepository } from '../../libs/tiers/src/tiers.repository';
import { HttpClient, type HttpResult } from './http-client';
import { type SignedInDeveloper, signUpDeveloper, startWithAdmin, waitForKeyStatus } from './journey';
import { type KeyportHarness } from './keyport-harness';

export interface IssuedKey {
  id: string;
  value: string;
}

/** A tier of its own for one test, so limits can be tiny without touching other tests. */
export async function createTier(harness: KeyportHarness, limits: Pick<Tier, 'throttle' | 'quota'>): Promise<Tier> {
  const slug = `t-${randomUUID().slice(0, 8)}`;
  const tier: Tier = { slug, name: slug, stripePriceId: null, ...limits };
  // Straight into the database: no route creates a tier (Keyport seeds its default tiers at start).
  await harness.app.get(TiersRepository).insertMissing([tier]);
  return tier;
}

/** Moves the developer to the tier over HTTP, as they would themselves. */
export async function joinTier(http: HttpClient, dev: SignedInDeveloper, tier: Tier): Promise<void> {
  const changed = await http.put('/v1/me/tier', { tier: tier.slug }, { token: dev.token });
  expect(changed.status).toBe(200);
}

/**
 * The access token of each key's owner, by key value: the gateway (GATEWAY_AUTH=cognito, the
 * default) wants a token of the key's owner with every key, and callGateway sends it.
 */
const ownerTokens = new Map<string, string>();

/** Makes callGateway send `token` with `keyValue` (for keys made without issueKey). */
export function rememberKeyOwner(keyValue: string, token: string): void {
  ownerTokens.set(keyValue, token);
}

/** The headers of a gateway call with this key and its owner's token (when known). */
export function gatewayHeaders(key: string | undefined, token = key === undefined ? undefined : ownerTokens.get(key)): Record<string, string> {
  return { ...(key === undefined ? {} : { 'x-api-key': key }), ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** Creates a key over HTTP and waits until the gateway holds it (without spending a request of its quota). */
export async function issueKey(harness: KeyportHarness, http: HttpClient, dev: SignedInDeveloper, name = 'key'): Promise<IssuedKey> {
  const created = await http.post('/v1/keys', { name }, { token: dev.token });
  expect(created.status).toBe(201);
  rememberKeyOwner(created.body.value, dev.token);
  await waitForKeyStatus(http, dev.token, created.body.id, 'active');
  await gatewayCaughtUp(harness);
  return { id: created.body.id, value: created.body.value };
}

/** A new developer on a new tier with these limits, holding one key the gateway has. */
export async function developerOnTier(
  harness: KeyportHarness,
  http: HttpClient,
  admin: string,
  limits: Pick<Tier, 'throttle' | 'quota'>,
): Promise<{ dev: SignedInDeveloper; tier: Tier; key: IssuedKey }> {
  const tier = await createTier(harness, limits);
  const dev = await signUpDeveloper(http, admin);
  await joinTier(http, dev, tier);
  return { dev, tier, key: await issueKey(harness, http, dev) };
}

/**
 * Resolves once the outbox has applied every committed change to the gateway, as an admin sees it
 * on the gateway status route (nothing waiting, nothing given up on).
 */
export async function outboxDrained(http: HttpClient, admin: string, timeoutMs?: number): Promise<void> {
  await eventually(async () => {
    const status = await http.get('/v1/admin/gateway/status', { token: admin });
    expect(status.status).toBe(200);
    expect(status.body.outbox.dead).toBe(0);
    return status.body.outbox.depth === 0;
  }, timeoutMs);
}

/** Resolves once the gateway's memory reflects everything committed so far. */
export function gatewayCaughtUp(harness: KeyportHarness): Promise<void> {
  return harness.app.get(GatewayStateSync).reload();
}

/** A gateway call with the key and its owner's token, or `token` when given. */
export function callGateway(gateway: HttpClient, key: string | undefined, path = '/things', token?: string): Promise<HttpResult> {
  return gateway.get(path, { headers: gatewayHeaders(key, token) });
}

export async function statuses(gateway: HttpClient, key: string, count: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await callGateway(gateway, key)).status);
  return result;
}

/** Polls until the check holds; generous deadline because the machine is shared. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const FORBIDDEN = { message: 'Forbidden' };
/** The gateway's 403s that API Gateway has no words for take Keyport's error shape with a code. */
export const forbiddenWithCode = (code: 'KEY_MISSING' | 'PERSON_TOKEN_NOT_METERED') => ({
  statusCode: 403,
  error: 'Forbidden',
  message: expect.any(String),
  code,
});
export const TOO_MANY_REQUESTS = { message: 'Too Many Requests' };
export const LIMIT_EXCEEDED = { message: 'Limit Exceeded' };

/** A started app with its embedded gateway and an admin token, for suites that call the gateway. */
export interface GatewayWorld {
  harness: KeyportHarness;
  http: HttpClient;
  gateway: HttpClient;
  admin: string;
}

export async function startGatewayWorld(): Promise<GatewayWorld> {
  const world = await startWithAdmin();
  return { ...world, gateway: new HttpClient(world.harness.gatewayUrl) };
}
