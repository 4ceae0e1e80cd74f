import { Injectable } from '@nestjs/common';
import { Db, type GatewayJobRunRow, Prisma } from '@keyport/db';
import { type GatewayJob, type GatewayJobRun, INTERRUPTED_ERROR, type JobTrigger, type RunningGatewayJob } from './gateway-job-run';

export interface StartedRun {
  id: string;
  job: GatewayJob;
  dryRun: boolean;
  trigger: JobTrigger;
  startedAt: Date;
}

export interface RunEnd {
  finishedAt: Date;
  outcome: 'ok' | 'failed';
  result?: unknown;
  error?: string;
}

/** The gateway jobs' runs (table `gateway_job_runs`, owned by this lib), written by whichever process ran them. */
@Injectable()
export class GatewayJobRunsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Records a run's start and, in the same transaction, keeps the table honest and small: runs whose
   * heartbeat stopped before `staleBefore` are marked interrupted, and only the newest `keep` ended
   * runs of this job stay (a run still going is never deleted).
   */
  async start(run: StartedRun, housekeeping: { staleBefore: Date; keep: number }): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.client.gatewayJobRun.create({
        data: {
          id: run.id,
          job: run.job,
          dryRun: run.dryRun,
          triggeredBy: run.trigger.by,
          triggeredByAdminId: run.trigger.by === 'admin' ? run.trigger.adminId : null,
          startedAt: run.startedAt,
          heartbeatAt: run.startedAt,
        },
      });
      // Its last sign of life is the truest end an interrupted run has.
      await this.db.client.$executeRaw(Prisma.sql`
        UPDATE gateway_job_runs SET outcome = 'interrupted', finished_at = heartbeat_at, error = ${INTERRUPTED_ERROR}
        WHERE finished_at IS NULL AND heartbeat_at < ${housekeeping.staleBefore}`);
      const older = await this.db.client.gatewayJobRun.findMany({
        where: { job: run.job, finishedAt: { not: null } },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        skip: housekeeping.keep,
        select: { id: true },
      });
      if (older.length > 0) await this.db.client.gatewayJobRun.deleteMany({ where: { id: { in: older.map((row) => row.id) } } });
    });
  }

  async beat(id: string, at: Date): Promise<void> {
    await this.db.client.gatewayJobRun.updateMany({ where: { id, finishedAt: null }, data: { heartbeatAt: at } });
  }

  /** Records the end; a run already marked interrupted (its heartbeat had stalled) gets its real end. */
  async finish(id: string, end: RunEnd): Promise<void> {
    await this.db.client.gatewayJobRun.updateMany({
      where: { id },
      data: {
        finishedAt: end.finishedAt,
        heartbeatAt: end.finishedAt,
        outcome: end.outcome,
        result: end.result === undefined ? Prisma.DbNull : (end.result as Prisma.InputJsonValue),
        error: end.error ?? null,
      },
    });
  }

  /** The newest run of `job` that has ended, counting one whose heartbeat stopped before `staleBefore` as interrupted. */
  async lastEnded(job: GatewayJob, staleBefore: Date): Promise<GatewayJobRun | null> {
    const row = await this.db.client.gatewayJobRun.findFirst({
      where: { job, OR: [{ finishedAt: { not: null } }, { heartbeatAt: { lt: staleBefore } }] },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    });
    return row && endedRun(row);
  }

  /** Runs still going (a recent heartbeat), oldest first. */
  async running(staleBefore: Date): Promise<RunningGatewayJob[]> {
    const rows = await this.db.client.gatewayJobRun.findMany({
      where: { finishedAt: null, heartbeatAt: { gte: staleBefore } },
      orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((row) => ({ ...common(row), heartbeatAt: row.heartbeatAt }));
  }
}

function common(row: GatewayJobRunRow): Omit<RunningGatewayJob, 'heartbeatAt'> {
  const trigger: JobTrigger =
    row.triggeredBy === 'admin' && row.triggeredByAdminId !== null
      ? { by: 'admin', adminId: row.triggeredByAdminId }
      : { by: row.triggeredBy === 'command' ? 'command' : 'schedule' };
  return { id: row.id, job: row.job as GatewayJob, dryRun: row.dryRun, trigger, startedAt: row.startedAt };
}

function endedRun(row: GatewayJobRunRow): GatewayJobRun {
  if (row.finishedAt === null || row.outcome === null || row.outcome === 'interrupted') {
    return { ...common(row), finishedAt: row.finishedAt ?? row.heartbeatAt, outcome: 'interrupted', ok: false, error: row.error ?? INTERRUPTED_ERROR };
  }
  const ok = row.outcome === 'ok';
  return {
    ...common(row),
    finishedAt: row.finishedAt,
    outcome: ok ? 'ok' : 'failed',
    ok,
    ...(ok && row.result !== null ? { result: row.result } : {}),
    ...(!ok ? { error: row.error ?? 'failed' } : {}),
  };
}
