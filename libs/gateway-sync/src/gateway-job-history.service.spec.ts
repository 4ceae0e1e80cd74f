import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Clock, type RandomSource } from '@keyport/common';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { GatewayJobHistory, HEARTBEAT_EVERY_MS, RUNS_KEPT_PER_JOB, STALE_AFTER_MS } from './gateway-job-history.service';
import { type GatewayJobRunsRepository, type RunEnd, type StartedRun } from './gateway-job-runs.repository';

const NOW = new Date('2026-12-03T09:00:00Z');
const ADMIN = { by: 'admin' as const, adminId: 'admin-sub' };

function world(options: { finishFails?: boolean } = {}) {
  const clock = strictFake<Clock>('Clock', { now: () => new Date() });
  const start = recorder((_run: StartedRun, _housekeeping: { staleBefore: Date; keep: number }) => Promise.resolve());
  const beat = recorder((_id: string, _at: Date) => Promise.resolve());
  const finish = recorder((_id: string, _end: RunEnd) => (options.finishFails ? Promise.reject(new Error('database gone')) : Promise.resolve()));
  const runs = strictFake<GatewayJobRunsRepository>('GatewayJobRunsRepository', { start, beat, finish });
  let runIds = 0;
  const random = strictFake<RandomSource>('RandomSource', { uuid: () => `run-${++runIds}` });
  return { history: new GatewayJobHistory(runs, clock, random), start, beat, finish };
}

describe('GatewayJobHistory', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('records the start with its trigger, marking stale runs and keeping the newest runs, then the end with the result', async () => {
    const { history, start, finish } = world();
    const result = await history.track('reconciliation', { trigger: ADMIN, dryRun: true }, () => Promise.resolve({ findings: [] }));

    expect(result).toEqual({ findings: [] });
    const [run, housekeeping] = start.calls[0];
    expect(run).toMatchObject({ job: 'reconciliation', dryRun: true, trigger: ADMIN, startedAt: NOW });
    expect(housekeeping).toEqual({ staleBefore: new Date(NOW.getTime() - STALE_AFTER_MS), keep: RUNS_KEPT_PER_JOB });
    expect(finish.calls).toEqual([[run.id, { finishedAt: NOW, outcome: 'ok', result: { findings: [] } }]]);
  });

  it('records a failure with its message scrubbed of secrets and cut short, and rethrows it', async () => {
    const { history, finish } = world();
    const secret = `kp${'A'.repeat(38)}`;
    const failure = new Error(`gateway refused ${secret} ${'x'.repeat(2_000)}`);

    await expect(history.track('usageIngestion', { trigger: { by: 'schedule' } }, () => Promise.reject(failure))).rejects.toBe(failure);
    const end = finish.calls[0][1];
    expect(end.outcome).toBe('failed');
    expect(end.error).toMatch(/^gateway refused kp\[redacted\] x+$/);
    expect(end.error).not.toContain(secret);
    expect(end.error!.length).toBe(1_000);
  });

  it('beats every 30 s while the run goes on, and stops beating once it ends', async () => {
    const { history, beat } = world();
    let finishRun!: () => void;
    const tracked = history.track('usageIngestion', { trigger: { by: 'command' } }, () => new Promise<void>((resolve) => (finishRun = resolve)));
    await vi.advanceTimersByTimeAsync(3 * HEARTBEAT_EVERY_MS + 1);
    expect(beat.calls).toHaveLength(3);
    finishRun();
    await tracked;
    await vi.advanceTimersByTimeAsync(3 * HEARTBEAT_EVERY_MS);
    expect(beat.calls).toHaveLength(3);
  });

  it('does not fail a run that did its work when its end cannot be recorded', async () => {
    const { history, finish } = world({ finishFails: true });
    await expect(history.track('usageIngestion', { trigger: { by: 'schedule' } }, () => Promise.resolve('done'))).resolves.toBe('done');
    expect(finish.calls).toHaveLength(1);
  });
});
