import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN, type GatewayWorld, callGateway, gatewayCaughtUp, eventually as gatewayEventually, startGatewayWorld } from './support/gateway-journey';
import { type SignedInDeveloper, adminToken, expectErrorShape, signUpDeveloper, waitForKeyStatus } from './support/journey';
import { eventually, useAwsKeyport } from './support/aws-keyport';

const inMs = (ms: number): string => new Date(Date.now() + ms).toISOString();
const DAY = 24 * 3600 * 1000;

describe('key expiry on the embedded gateway', () => {
  let world: GatewayWorld;
  let dev: SignedInDeveloper;

  beforeAll(async () => {
    world = await startGatewayWorld();
    dev = await signUpDeveloper(world.http, world.admin);
  });

  afterAll(() => world?.harness.close());

  it('refuses an expiry in the past, more than a year ahead, or not a date-time, in the one error shape', async () => {
    const { http } = world;
    const cases: Array<[unknown, string]> = [
      [inMs(-60_000), 'KEY_EXPIRY_IN_PAST'],
      [inMs(366 * DAY), 'KEY_EXPIRY_TOO_FAR'],
      ['next tuesday', 'VALIDATION_FAILED'],
      [12345, 'VALIDATION_FAILED'],
      ['2027-02-30T00:00:00Z', 'VALIDATION_FAILED'],
    ];
    for (const [expiresAt, code] of cases) {
      const refused = await http.post('/v1/keys', { name: 'bad', expiresAt }, { token: dev.token });
      expect(refused.status, String(expiresAt)).toBe(400);
      expectErrorShape(refused.body, 400);
      expect(refused.body.code, String(expiresAt)).toBe(code);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'expiresAt' })]);
    }
    expect((await http.get('/v1/keys', { token: dev.token })).body.items.filter((k: any) => k.name === 'bad')).toEqual([]);
  });

  it('carries expiresAt on every key response: null without one, the instant with one', async () => {
    const { http } = world;
    const plain = await http.post('/v1/keys', { name: 'plain' }, { token: dev.token });
    expect(plain.status).toBe(201);
    expect(plain.body.expiresAt).toBeNull();
    const expiresAt = inMs(30 * DAY);
    const dated = await http.post('/v1/keys', { name: 'dated', expiresAt }, { token: dev.token });
    expect(dated.status).toBe(201);
    expect(dated.body.expiresAt).toBe(expiresAt);
    expect((await http.get(`/v1/keys/${dated.body.id}`, { token: dev.token })).body.expiresAt).toBe(expiresAt);
    const listed = (await http.get('/v1/keys', { token: dev.token })).body.items;
    expect(listed.find((k: any) => k.id === plain.body.id).expiresAt).toBeNull();

    // Rotation keeps the expiry: the successor stops when the key it replaced was to stop.
    await waitForKeyStatus(http, dev.token, dated.body.id, 'active');
    const rotated = await http.post(`/v1/keys/${dated.body.id}/rotate`, { gracePeriodSeconds: 3600 }, { token: dev.token });
    expect(rotated.status).toBe(201);
    expect(rotated.body.expiresAt).toBe(expiresAt);
    // The old key's grace ends before its expiry, so the grace wins.
    const old = (await http.get(`/v1/keys/${dated.body.id}`, { token: dev.token })).body;
    expect(Date.parse(old.expiresAt)).toBeLessThan(Date.parse(expiresAt));
    for (const id of [plain.body.id, dated.body.id, rotated.body.id]) await http.delete(`/v1/keys/${id}`, { token: dev.token });
  });

  it('refuses a key at the gateway from its expiry on (403, as revoked) and lists it as expired', async () => {
    const { http, gateway, harness } = world;
    const created = await http.post('/v1/keys', { name: 'short-lived', expiresAt: inMs(4_000) }, { token: dev.token });
    expect(created.status).toBe(201);
    await waitForKeyStatus(http, dev.token, created.body.id, 'active');
    await gatewayCaughtUp(harness);
    const before = await callGateway(gateway, created.body.value, '/things', dev.token);
    // On a very loaded machine the key may already be past its expiry here; then only the refusal is checked.
    if (Date.now() < Date.parse(created.body.expiresAt) - 200) expect(before.status).toBe(200);

    await gatewayEventually(async () => Date.now() >= Date.parse(created.body.expiresAt), 30_000);
    const after = await callGateway(gateway, created.body.value, '/things', dev.token);
    expect(after.status).toBe(403);
    expect(after.body).toEqual(FORBIDDEN);

    const listed = (await http.get('/v1/keys', { token: dev.token })).body.items.find((k: any) => k.id === created.body.id);
    expect(listed).toMatchObject({ status: 'expired', expiresAt: created.body.expiresAt });
    // The sweep then revokes it for good; it still lists as expired, and stays refused.
    await gatewayEventually(async () => (await http.get(`/v1/keys/${created.body.id}`, { token: dev.token })).body.revokedAt !== null, 30_000);
    expect((await http.get(`/v1/keys/${created.body.id}`, { token: dev.token })).body.status).toBe('expired');
    expect((await callGateway(gateway, created.body.value, '/things', dev.token)).status).toBe(403);

    const rotateExpired = await http.post(`/v1/keys/${created.body.id}/rotate`, {}, { token: dev.token });
    expect(rotateExpired.status).toBe(409);
    expectErrorShape(rotateExpired.body, 409);
  });
});

describe('key expiry on the aws driver (fake API Gateway)', () => {
  const aws = useAwsKeyport({ bootstrap: true });
  const gatewayKeyOf = (keyportId: string) => [...aws.fake.state.keys.values()].find((key) => key.name === `keyport-${keyportId}`);

  it('tags the key with its expiry, then the worker disables it and deletes it', async () => {
    const dev = await signUpDeveloper(aws.http, await adminToken(aws.http));
    const expiresAt = inMs(3_000);
    const created = await aws.http.post('/v1/keys', { name: 'short-lived', expiresAt }, { token: dev.token });
    expect(created.status).toBe(201);
    await waitForKeyStatus(aws.http, dev.token, created.body.id, 'active');
    const gatewayKey = gatewayKeyOf(created.body.id)!;
    expect(gatewayKey.tags).toMatchObject({ 'keyport:key': created.body.id, 'keyport:expires': expiresAt });
    const disablesBefore = aws.fake.appliedCount('UpdateApiKey');

    await eventually(() => !aws.fake.state.keys.has(gatewayKey.id), 'expired key deleted at the gateway');
    expect(aws.fake.appliedCount('UpdateApiKey') - disablesBefore).toBe(1);
    const listed = (await aws.http.get(`/v1/keys/${created.body.id}`, { token: dev.token })).body;
    expect(listed).toMatchObject({ status: 'expired', expiresAt });
    expect(Date.parse(listed.revokedAt)).toBeGreaterThanOrEqual(Date.parse(expiresAt));
  });
});
