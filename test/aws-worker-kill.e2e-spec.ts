import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayBootstrapService } from '@keyport/gateway-sync';
import { eventually } from './support/aws-keyport';
import { outboxDrained } from './support/gateway-journey';
import { tierPlanAtFake } from './support/gateway-plans';
import { HttpClient } from './support/http-client';
import { adminToken, signUpDeveloper } from './support/journey';
import { ApiWithSeparateWorker, exited, separateWorkerCannotRun } from './support/separate-worker';

describe.skipIf(separateWorkerCannotRun())(
  'the worker process killed with SIGKILL mid-sync, then restarted (skipped without PostgreSQL at TEST_DATABASE_URL or 127.0.0.1:5432)',
  () => {
    let world: ApiWithSeparateWorker;

    beforeAll(async () => {
      // Slow answers make the sync long enough to be killed in the middle of it.
      world = await ApiWithSeparateWorker.start({ fake: { faults: { latencyMs: 40 } } });
    }, 180_000);

    afterAll(() => world?.close());

    it('converges with nothing lost and nothing doubled', { timeout: 240_000 }, async () => {
      const { fake, harness, worker } = world;
      const http = new HttpClient(harness.baseUrl);
      await harness.app.get(GatewayBootstrapService).run();
      const admin = await adminToken(http);
      const developers = [await signUpDeveloper(http, admin), await signUpDeveloper(http, admin)];
      const created: Array<{ id: string; value: string; dev: number }> = [];
      for (const [dev, developer] of developers.entries()) {
        for (let i = 0; i < 5; i++) {
          const key = await http.post('/v1/keys', { name: `k${i}` }, { token: developer.token });
          expect(key.status).toBe(201);
          created.push({ id: key.body.id, value: key.body.value, dev });
        }
      }
      expect((await http.put('/v1/me/tier', { tier: 'premium' }, { token: developers[1].token })).status).toBe(200);

      const first = world.startWorker();
      await eventually(() => fake.appliedCount('CreateApiKey') >= 3, 'the first worker has started creating keys', 90_000);
      first.kill('SIGKILL');
      await exited(first);
      const createdBeforeKill = fake.appliedCount('CreateApiKey');
      expect(createdBeforeKill).toBeLessThan(created.length);

      world.startWorker();
      // The dead worker's leases expire (60 s) before its items are taken again.
      await outboxDrained(http, admin, 180_000);

      const plans = [tierPlanAtFake(fake, 'standard'), tierPlanAtFake(fake, 'premium')];
      for (const key of created) {
        const listed = await http.get(`/v1/keys/${key.id}`, { token: developers[key.dev].token });
        expect(listed.body.status).toBe('active');
        const atGateway = [...fake.state.keys.values()].filter((k) => k.name === `keyport-${key.id}`);
        expect(atGateway).toHaveLength(1);
        expect(atGateway[0].value).toBe(key.value);
        expect(fake.state.plansOfKey(atGateway[0].id).map((plan) => plan.id)).toEqual([plans[key.dev]]);
      }
      expect(fake.state.keys.size).toBe(created.length);
      expect([...fake.state.creationsByName.values()].every((count) => count === 1)).toBe(true);

      // The compiled reconcile command agrees that nothing drifted.
      const reconcile = await worker.run('apps/worker/src/cli/gateway-reconcile.js', world.workerEnv(), ['--dry-run']);
      expect(reconcile.stderr).toBe('');
      expect(reconcile.code, reconcile.stdout).toBe(0);
      expect(reconcile.stdout).toContain('No drift found.');
    });
  },
);
