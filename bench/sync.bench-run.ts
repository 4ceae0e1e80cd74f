// Moves 300 keys from standard to premium against the fake API Gateway held to AWS's real quotas
// (10 requests/s, burst 40) and prints the calls per key, the time against the floor the rate limit
// sets, and the errors that reached a user.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AwsCallStats, PlanBindingsService, planOwner } from '@keyport/api-gateway';
import { PrismaService } from '@keyport/db';
import { GatewayBootstrapService } from '@keyport/gateway-sync';
import { OutboxBacklogService } from '@keyport/outbox';
import { FakeApiGateway } from '../test/fakes/api-gateway/fake-api-gateway';
import { AWS_QUOTAS } from '../test/fakes/api-gateway/fake-quotas';
import { awsEnv, eventually, postgresAnswers, useFakeAwsCredentials } from '../test/support/aws-keyport';
import { HttpClient } from '../test/support/http-client';
import { adminToken, signUpDeveloper } from '../test/support/journey';
import { KeyportHarness } from '../test/support/keyport-harness';
import { TokenForge, decodeClaims } from '../test/support/token-forge';

const KEYS = Number(process.env.BENCH_KEYS ?? 300);
const CONCURRENCY = 10;
const DEFAULT_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';

let fake: FakeApiGateway;
let harness: KeyportHarness;

beforeAll(async () => {
  useFakeAwsCredentials();
  // The aws driver runs with PostgreSQL (replicas share it); embedded PGlite shares the one event
  // loop with the API, the worker and the fake here, which measures this machine, not the sync.
  if (!process.env.TEST_DATABASE_URL && (await postgresAnswers(DEFAULT_POSTGRES))) process.env.TEST_DATABASE_URL = DEFAULT_POSTGRES;
  fake = await new FakeApiGateway({ quotas: AWS_QUOTAS }).start();
  harness = await KeyportHarness.start({ env: awsEnv(fake, { AWS_PLAN_UPDATE_INTERVAL: '20s' }) });
});

afterAll(async () => {
  await harness?.close();
  await fake?.stop();
});

it(`moves ${KEYS} keys from standard to premium`, async () => {
  const http = new HttpClient(harness.baseUrl);
  await harness.app.get(GatewayBootstrapService).run();
  const bindings = harness.app.get(PlanBindingsService);
  const standard = (await bindings.planIdOf(planOwner.tier('standard')))!;
  const premium = (await bindings.planIdOf(planOwner.tier('premium')))!;

  // Seed: one developer per key, each key provisioned in the standard plan as the worker leaves it.
  const template = decodeClaims((await signUpDeveloper(http, await adminToken(http))).token);
  const forge = await TokenForge.installation(harness.dataDir);
  const prisma = harness.app.get(PrismaService);
  const developers: Array<{ id: string; token: string; gatewayKeyId: string }> = [];
  const keyRows = [];
  const placements = [];
  for (let i = 0; i < KEYS; i++) {
    const developerId = randomUUID();
    const keyId = randomUUID();
    const gatewayKey = fake.state.createKey({
      name: `keyport-${keyId}`,
      value: `kpBench${randomUUID().replace(/-/g, '')}`,
      enabled: true,
      tags: { 'keyport:key': keyId },
    });
    fake.state.addKeyToPlan(standard, gatewayKey.id);
    keyRows.push({
      id: keyId,
      developerId,
      name: 'bench',
      hash: `bench-${keyId}`,
      prefix: 'kpBench0',
      last4: 'abcd',
      status: 'ACTIVE' as const,
      lineageId: keyId,
      gatewayKeyId: gatewayKey.id,
    });
    placements.push({ keyId, gatewayKeyId: gatewayKey.id, planId: standard, enabled: true });
    const token = forge.sign({ ...template, sub: developerId, username: developerId, jti: randomUUID() });
    developers.push({ id: developerId, token, gatewayKeyId: gatewayKey.id });
  }
  await prisma.developer.createMany({ data: developers.map((d) => ({ id: d.id, email: `bench-${d.id}@example.com`, tierSlug: 'standard' })) });
  await prisma.apiKey.createMany({ data: keyRows });
  await prisma.gatewayKeyPlacement.createMany({ data: placements });

  // Let AWS's bucket (and ours) fill to the burst again, then start counting.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  fake.received.clear();
  fake.applied.clear();
  fake.quotaThrottled = 0;
  harness.app.get(AwsCallStats).reset();

  const started = Date.now();
  const answers: number[] = [];
  let userErrors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < developers.length) {
        const developer = developers[next++];
        const sent = Date.now();
        const result = await http.put('/v1/me/tier', { tier: 'premium' }, { token: developer.token });
        answers.push(Date.now() - sent);
        if (result.status !== 200) userErrors += 1;
      }
    }),
  );
  const answered = Date.now() - started;
  const outbox = harness.app.get(OutboxBacklogService);
  const inPremium = () =>
    developers.every((d) => fake.state.members.get(premium)!.has(d.gatewayKeyId) && !fake.state.members.get(standard)!.has(d.gatewayKeyId));
  await eventually(async () => inPremium() && (await outbox.stats()).pending === 0, 'every key in premium', 570_000);
  const elapsedMs = Date.now() - started;

  const received = Object.fromEntries(fake.received);
  const total = Object.values(received).reduce((sum, n) => sum + n, 0);
  const floorMs = (Math.max(0, 2 * KEYS - AWS_QUOTAS.burst) / AWS_QUOTAS.ratePerSecond) * 1000;
  const sorted = [...answers].sort((a, b) => a - b);
  const stats = harness.app.get(AwsCallStats).snapshot();
  const lines = [
    `bench:sync: ${KEYS} keys moved standard -> premium against AWS quotas (${AWS_QUOTAS.ratePerSecond}/s, burst ${AWS_QUOTAS.burst}), database ${harness.database.kind}`,
    `  calls received by the gateway: ${total} = ${(total / KEYS).toFixed(2)} per key (floor 2.00): ${JSON.stringify(received)}`,
    `  throttled by the gateway's quotas: ${fake.quotaThrottled}; client saw throttled=${stats.throttled} 5xx=${stats.serverErrors} network=${stats.networkErrors}`,
    `  converged in ${(elapsedMs / 1000).toFixed(1)} s; floor set by the rate limit ${(floorMs / 1000).toFixed(1)} s; ratio ${(elapsedMs / floorMs).toFixed(3)}`,
    `  last gateway call at ${((fake.lastAppliedAt - started) / 1000).toFixed(1)} s after the first request`,
    `  HTTP answers to developers: all ${KEYS} within ${(answered / 1000).toFixed(1)} s, p50 ${sorted[Math.floor(KEYS / 2)]} ms, p95 ${sorted[Math.floor(KEYS * 0.95)]} ms`,
    `  errors that reached a user: ${userErrors}`,
  ];
  console.log(lines.join('\n'));
  expect(userErrors).toBe(0);
});
