import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayDriver, LocalGatewayDriver } from '@keyport/api-gateway';
import { Clock } from '@keyport/common';
import { PrismaService } from '@keyport/db';
import { INTERRUPTED_ERROR, RUNS_KEPT_PER_JOB, STALE_AFTER_MS } from '@keyport/gateway-sync';
import { GatewayJobRunsRepository } from '../libs/gateway-sync/src/gateway-job-runs.repository';
import { startAwsKeyport, type AwsKeyport, eventually } from './support/aws-keyport';
import { FailingGatewayDriver } from './support/failing-gateway.driver';
import { HttpClient } from './support/http-client';
import { adminToken } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';
import { MovingClock } from './support/moving-clock';

const subOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;

/**
 * The Gateway page's "last usage ingestion and reconciliation" come from the table gateway_job_runs,
 * whichever process ran them; here the embedded default (PGlite, or PostgreSQL under test:postgres).
 * test/gateway-job-runs-worker.e2e-spec.ts covers a worker in its own process.
 */
describe('gateway job runs recorded in the database, read by GET /v1/admin/gateway/status', () => {
  const clock = new MovingClock();
  let gateway: FailingGatewayDriver;
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    harness = await KeyportHarness.start({
      overrides: [
        { provide: Clock, useValue: clock },
        { provide: GatewayDriver, inject: [LocalGatewayDriver], useFactory: (local: LocalGatewayDriver) => (gateway = new FailingGatewayDriver(local)) },
      ],
    });
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
  });

  afterAll(() => harness?.close());

  const status = async () => {
    const answer = await http.get('/v1/admin/gateway/status', { token: admin });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it("records the admin's usage sync and reconciliation dry run with who ran them, and still shows them after the API restarts", async () => {
    const synced = await http.post('/v1/admin/gateway/usage-sync', { days: 2 }, { token: admin });
    expect(synced.status).toBe(200);
    const dryRun = await http.post('/v1/admin/gateway/reconciliation/dry-run', undefined, { token: admin });
    expect(dryRun.status).toBe(200);

    const expected = {
      lastUsageIngestion: { ok: true, outcome: 'ok', triggeredBy: 'admin', adminId: subOf(admin), result: synced.body },
      lastReconciliation: { ok: true, outcome: 'ok', dryRun: true, triggeredBy: 'admin', adminId: subOf(admin), result: dryRun.body },
      running: [],
    };
    const before = await status();
    expect(before).toMatchObject(expected);
    expect(before.lastUsageIngestion.error).toBeUndefined();

    // In memory these were gone with the process; in the table they stay.
    await harness.restart();
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http); // a restarted cognito-local forgets the sessions it issued
    expect(await status()).toMatchObject({
      ...expected,
      lastUsageIngestion: { ...expected.lastUsageIngestion, startedAt: before.lastUsageIngestion.startedAt },
    });
  });

  it('records a run that failed, with its error', async () => {
    gateway.failing = true;
    try {
      const failed = await http.post('/v1/admin/gateway/usage-sync', {}, { token: admin });
      expect(failed.status).toBeGreaterThanOrEqual(500);
    } finally {
      gateway.failing = false;
    }
    expect((await status()).lastUsageIngestion).toMatchObject({
      ok: false,
      outcome: 'failed',
      error: 'Gateway unreachable (injected by the test)',
      triggeredBy: 'admin',
    });
    expect((await status()).lastUsageIngestion.result).toBeUndefined();
  });

  it('shows a run whose process died as running while its heartbeat is fresh, then as interrupted; the next run marks it so in the table', async () => {
    const lastBefore = (await status()).lastUsageIngestion;
    // What a process leaves behind when it is killed mid-run: a start, and nothing after it.
    const id = randomUUID();
    const startedAt = clock.now();
    await harness.app
      .get(GatewayJobRunsRepository)
      .start({ id, job: 'usageIngestion', dryRun: false, trigger: { by: 'schedule' }, startedAt }, { staleBefore: new Date(0), keep: RUNS_KEPT_PER_JOB });

    const fresh = await status();
    expect(fresh.running).toEqual([
      { job: 'usageIngestion', dryRun: false, startedAt: startedAt.toISOString(), heartbeatAt: startedAt.toISOString(), triggeredBy: 'schedule' },
    ]);
    expect(fresh.lastUsageIngestion).toEqual(lastBefore);

    clock.advanceMs(STALE_AFTER_MS + 1_000);
    const stale = await status();
    expect(stale.running).toEqual([]);
    expect(stale.lastUsageIngestion).toEqual({
      startedAt: startedAt.toISOString(),
      finishedAt: startedAt.toISOString(),
      ok: false,
      outcome: 'interrupted',
      triggeredBy: 'schedule',
      error: INTERRUPTED_ERROR,
    });

    const prisma = harness.app.get(PrismaService);
    expect(await prisma.gatewayJobRun.findUnique({ where: { id } })).toMatchObject({ finishedAt: null, outcome: null });
    expect((await http.post('/v1/admin/gateway/usage-sync', {}, { token: admin })).status).toBe(200);
    expect(await prisma.gatewayJobRun.findUnique({ where: { id } })).toMatchObject({ finishedAt: startedAt, outcome: 'interrupted', error: INTERRUPTED_ERROR });
    expect((await status()).lastUsageIngestion).toMatchObject({ ok: true, outcome: 'ok' });
  });

  it(`keeps only the newest ${RUNS_KEPT_PER_JOB} ended runs of each job`, { timeout: 180_000 }, async () => {
    const prisma = harness.app.get(PrismaService);
    const usageRuns = await prisma.gatewayJobRun.count({ where: { job: 'usageIngestion' } });
    const started: Date[] = [];
    for (let i = 0; i < RUNS_KEPT_PER_JOB + 3; i++) {
      started.push(clock.now());
      expect((await http.post('/v1/admin/gateway/reconciliation/dry-run', undefined, { token: admin })).status).toBe(200);
      clock.advanceMs(1_000); // distinct start times
    }
    const kept = await prisma.gatewayJobRun.findMany({ where: { job: 'reconciliation' }, orderBy: { startedAt: 'asc' }, select: { startedAt: true } });
    // Pruned when a run starts, before it ends: the newest run is the one beyond the count.
    expect(kept).toHaveLength(RUNS_KEPT_PER_JOB + 1);
    // Each run started after the test's clock reading before its request and before the next one's.
    const startedBetween = (at: Date, from: Date, to?: Date) => at >= from && (to === undefined || at < to);
    expect(startedBetween(kept.at(-1)!.startedAt, started.at(-1)!)).toBe(true);
    expect(startedBetween(kept[0].startedAt, started.at(-RUNS_KEPT_PER_JOB - 1)!, started.at(-RUNS_KEPT_PER_JOB))).toBe(true);
    expect(await prisma.gatewayJobRun.count({ where: { job: 'usageIngestion' } })).toBe(usageRuns);
  });
});

/** On the aws driver the worker schedules both jobs; on the embedded default it runs inside the API process. */
describe('scheduled runs of the worker inside the API process (aws driver against the fake API Gateway)', () => {
  let aws: AwsKeyport;

  beforeAll(async () => {
    aws = await startAwsKeyport({ bootstrap: true, env: { USAGE_SYNC_INTERVAL: '1s', RECONCILE_INTERVAL: '1s' } });
  });

  afterAll(() => aws?.close());

  it('shows the last scheduled usage ingestion and reconciliation with their results', async () => {
    const admin = await adminToken(aws.http);
    let body: any;
    await eventually(async () => {
      body = (await aws.http.get('/v1/admin/gateway/status', { token: admin })).body;
      // The first scheduled runs may come before the bootstrap has made the tiers' plans.
      return body.lastUsageIngestion?.result?.plans === 2 && body.lastReconciliation?.result?.plans === 2;
    }, 'a scheduled usage ingestion and reconciliation after the bootstrap');
    expect(body.lastUsageIngestion).toMatchObject({ triggeredBy: 'schedule', result: { plans: 2, rows: 0, unknownKeys: 0 } });
    expect(body.lastUsageIngestion.adminId).toBeUndefined();
    expect(body.lastReconciliation).toMatchObject({ triggeredBy: 'schedule', dryRun: false, result: { dryRun: false, plans: 2, findings: [], repaired: 0 } });
  });
});
