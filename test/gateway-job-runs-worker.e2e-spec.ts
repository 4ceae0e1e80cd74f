import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '@keyport/common';
import { GatewayBootstrapService, INTERRUPTED_ERROR, STALE_AFTER_MS } from '@keyport/gateway-sync';
import { eventually } from './support/aws-keyport';
import { HttpClient } from './support/http-client';
import { adminToken } from './support/journey';
import { MovingClock } from './support/moving-clock';
import { ApiWithSeparateWorker, exited, separateWorkerCannotRun } from './support/separate-worker';

/** The worker's schedules, short enough for a test. */
const SCHEDULES = { USAGE_SYNC_INTERVAL: '1s', RECONCILE_INTERVAL: '1s' };

describe.skipIf(separateWorkerCannotRun())(
  "the API shows the runs of a worker in its own process, and a killed worker's run as interrupted (skipped without PostgreSQL at TEST_DATABASE_URL or 127.0.0.1:5432)",
  () => {
    const clock = new MovingClock();
    let world: ApiWithSeparateWorker;
    let http: HttpClient;
    let admin: string;

    beforeAll(async () => {
      // The API runs no gateway job itself: every run it shows comes from the worker, through the database.
      world = await ApiWithSeparateWorker.start({ overrides: [{ provide: Clock, useValue: clock }] });
      await world.harness.app.get(GatewayBootstrapService).run();
      http = new HttpClient(world.harness.baseUrl);
      admin = await adminToken(http);
    }, 180_000);

    afterAll(() => world?.close());

    const status = async () => {
      const answer = await http.get('/v1/admin/gateway/status', { token: admin });
      expect(answer.status).toBe(200);
      return answer.body;
    };

    it("shows the worker's scheduled usage ingestion and reconciliation with their results", { timeout: 120_000 }, async () => {
      expect((await status()).lastUsageIngestion).toBeNull();
      const child = world.startWorker(SCHEDULES);
      let body: any;
      await eventually(
        async () => {
          body = await status();
          return body.lastUsageIngestion !== null && body.lastReconciliation !== null;
        },
        "the worker's first scheduled runs",
        90_000,
      );
      expect(body.lastUsageIngestion).toMatchObject({ ok: true, outcome: 'ok', triggeredBy: 'schedule', result: { plans: 2, rows: 0, unknownKeys: 0 } });
      expect(body.lastReconciliation).toMatchObject({
        ok: true,
        outcome: 'ok',
        triggeredBy: 'schedule',
        dryRun: false,
        result: { dryRun: false, plans: 2, findings: [], repaired: 0 },
      });
      // A worker stopped gently ends the run in hand before it exits: nothing is left running.
      world.fake.faults.latencyMs = 1_000;
      let inHand: any;
      await eventually(
        async () => {
          inHand = (await status()).running[0];
          return inHand !== undefined;
        },
        'a run in hand',
        30_000,
      );
      child.kill('SIGTERM');
      await exited(child);
      world.fake.faults.latencyMs = 0;
      const after = await status();
      expect(after.running).toEqual([]);
      expect(inHand.job === 'usageIngestion' ? after.lastUsageIngestion : after.lastReconciliation).toMatchObject({
        startedAt: inHand.startedAt,
        outcome: 'ok',
      });
    });

    it('shows a run of a worker killed mid-run as going on while its heartbeat is fresh, then as interrupted', { timeout: 120_000 }, async () => {
      // Slow answers hold the next run open long enough to kill the worker in its middle.
      world.fake.faults.latencyMs = 5_000;
      const workerStartedAt = Date.now();
      const child = world.startWorker(SCHEDULES);
      let running: any[] = [];
      // A run of this worker (the clock of the API has not moved yet).
      const ofThisWorker = () => running.find((run) => Date.parse(run.startedAt) >= workerStartedAt);
      await eventually(
        async () => {
          running = (await status()).running;
          return ofThisWorker() !== undefined;
        },
        'a run going on in the worker',
        90_000,
      );
      child.kill('SIGKILL');
      await exited(child);
      world.fake.faults.latencyMs = 0;

      // The worker is dead, but nothing can tell yet: its runs' last heartbeats are recent. Read after
      // the kill: between the poll and the kill the other job may have started, or a heartbeat landed.
      const stillShown = (await status()).running.filter((run: { startedAt: string }) => Date.parse(run.startedAt) >= workerStartedAt);
      expect(stillShown.length).toBeGreaterThan(0);
      const dead = stillShown[0];
      expect(dead).toMatchObject({ triggeredBy: 'schedule' });

      clock.advanceMs(STALE_AFTER_MS + 1_000);
      const after = await status();
      expect(after.running).toEqual([]);
      const last = dead.job === 'usageIngestion' ? after.lastUsageIngestion : after.lastReconciliation;
      expect(last).toMatchObject({
        startedAt: dead.startedAt,
        finishedAt: dead.heartbeatAt,
        ok: false,
        outcome: 'interrupted',
        triggeredBy: 'schedule',
        error: INTERRUPTED_ERROR,
      });
      expect(last.result).toBeUndefined();
    });
  },
);
