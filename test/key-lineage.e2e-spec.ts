import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callGateway, developerOnTier, gatewayCaughtUp, issueKey, rememberKeyOwner, startGatewayWorld } from './support/gateway-journey';
import { type HttpClient } from './support/http-client';
import { expectErrorShape, signUpDeveloper, waitForKeyStatus } from './support/journey';
import { type KeyportHarness } from './support/keyport-harness';

const HOUR = 3600;

/**
 * A rotation lineage (a key and the keys rotated from it) is one key: it counts once against
 * MAX_KEYS_PER_DEVELOPER, has at most two usable keys (the newest and the one in its grace), and
 * shares one throttle and one quota at the gateway. A revocation is in force at the gateway before
 * DELETE answers.
 */
describe('rotation lineages and revocation at the embedded gateway', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let gateway: HttpClient;
  let admin: string;

  beforeAll(async () => {
    ({ harness, http, gateway, admin } = await startGatewayWorld());
  });

  afterAll(() => harness?.close());

  const rotate = async (token: string, id: string, gracePeriodSeconds = HOUR) => {
    const rotated = await http.post(`/v1/keys/${id}/rotate`, { gracePeriodSeconds }, { token });
    if (rotated.status === 201) rememberKeyOwner(rotated.body.value, token);
    return rotated;
  };

  it('refuses to rotate again while the replaced key is in its grace, so a lineage never has more than two usable keys', async () => {
    const dev = await signUpDeveloper(http, admin);
    const first = await issueKey(harness, http, dev);
    const second = await rotate(dev.token, first.id);
    expect(second.status).toBe(201);
    await waitForKeyStatus(http, dev.token, second.body.id, 'active');

    const third = await rotate(dev.token, second.body.id);
    expect(third.status).toBe(409);
    expectErrorShape(third.body, 409);
    expect(third.body).toMatchObject({ code: 'ROTATION_IN_GRACE', inGraceKeyId: first.id, graceEndsAt: expect.any(String) });
    const again = await rotate(dev.token, first.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('KEY_ALREADY_ROTATED');
    const live = (await http.get('/v1/keys', { token: dev.token })).body.items.filter((k: any) => k.status !== 'revoked');
    expect(live.map((k: any) => k.id).sort()).toEqual([first.id, second.body.id].sort());

    // Once the developer revokes the replaced key, rotating is allowed again.
    expect((await http.delete(`/v1/keys/${first.id}`, { token: dev.token })).status).toBe(204);
    const fourth = await rotate(dev.token, second.body.id);
    expect(fourth.status).toBe(201);
    await waitForKeyStatus(http, dev.token, fourth.body.id, 'active');
    await gatewayCaughtUp(harness);
    const usable = [];
    for (const value of [first.value, second.body.value, fourth.body.value]) usable.push((await callGateway(gateway, value)).status);
    expect(usable).toEqual([403, 200, 200]);
  });

  it('counts a key and the one it replaced once against the key limit', async () => {
    const dev = await signUpDeveloper(http, admin);
    const limit = harness.config.maxKeysPerDeveloper;
    for (let i = 0; i < limit; i++) {
      const key = await http.post('/v1/keys', { name: `k${i}` }, { token: dev.token });
      expect(key.status).toBe(201);
      expect((await rotate(dev.token, key.body.id)).status).toBe(201);
    }
    const listed = (await http.get('/v1/keys', { token: dev.token })).body.items;
    expect(listed.filter((k: any) => k.status !== 'revoked')).toHaveLength(2 * limit);
    const refused = await http.post('/v1/keys', { name: 'one too many' }, { token: dev.token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('KEY_LIMIT_REACHED');
  });

  it("shares one throttle bucket across a lineage's overlapping keys (its quota is shared already)", async () => {
    const burst = 6;
    const { dev, key } = await developerOnTier(harness, http, admin, {
      throttle: { rateLimit: 1, burstLimit: burst },
      quota: { limit: 1_000, period: 'MONTH' },
    });
    const rotated = await rotate(dev.token, key.id);
    expect(rotated.status).toBe(201);
    await waitForKeyStatus(http, dev.token, rotated.body.id, 'active');
    await gatewayCaughtUp(harness);
    // The bucket is full: a burst sent through both keys at once admits one bucket's worth, not two.
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 4 * burst }, (_, i) => callGateway(gateway, i % 2 === 0 ? key.value : rotated.body.value)));
    const elapsedSeconds = (Date.now() - started) / 1000;
    const admitted = answers.filter((a) => a.status === 200).length;
    expect(admitted).toBeGreaterThanOrEqual(burst);
    expect(admitted).toBeLessThanOrEqual(burst + Math.ceil(elapsedSeconds * 1));
    expect(answers.filter((a) => a.status === 429)).toHaveLength(4 * burst - admitted);
  });

  it('refuses a revoked key at the gateway as soon as DELETE has answered', async () => {
    const dev = await signUpDeveloper(http, admin);
    for (let i = 0; i < 5; i++) {
      const key = await issueKey(harness, http, dev, `revoked-${i}`);
      expect((await callGateway(gateway, key.value)).status).toBe(200);
      expect((await http.delete(`/v1/keys/${key.id}`, { token: dev.token })).status).toBe(204);
      // No waiting: the replica that answered has already stopped admitting it.
      expect((await callGateway(gateway, key.value)).status, `key ${i}`).toBe(403);
    }
    // A rotation without grace revokes the old key just as promptly.
    const old = await issueKey(harness, http, dev, 'rotated-now');
    const successor = await rotate(dev.token, old.id, 0);
    expect(successor.status).toBe(201);
    expect((await callGateway(gateway, old.value)).status).toBe(403);
  });
});
