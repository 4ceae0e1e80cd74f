import { Injectable, Logger } from '@nestjs/common';
import { Clock, PeriodicTask, RandomSource } from '@keyport/common';
import { scrubSecrets } from '@keyport/observability';
import { type GatewayJob, type GatewayJobRun, type JobTrigger, type RunningGatewayJob } from './gateway-job-run';
import { GatewayJobRunsRepository, type RunEnd } from './gateway-job-runs.repository';

/** How often a running job says it is alive. */
export const HEARTBEAT_EVERY_MS = 30_000;
/**
 * A run whose heartbeat is older than this was interrupted (its process died): four missed beats,
 * which also absorbs a busy event loop, a slow database and some clock skew between processes.
 */
export const STALE_AFTER_MS = 4 * HEARTBEAT_EVERY_MS;
/**
 * Ended runs kept per job. A count rather than an age: the page needs the last run however long ago
 * it was, and admins' clicks cannot grow the table. Pruned when a run starts, in its transaction, so
 * no extra timer is needed and the table never holds more than this plus the runs going on.
 */
export const RUNS_KEPT_PER_JOB = 100;
const MAX_ERROR_LENGTH = 1_000;

export interface LastGatewayRuns {
  usageIngestion: GatewayJobRun | null;
  reconciliation: GatewayJobRun | null;
  running: RunningGatewayJob[];
}

/**
 * Records every run of the gateway jobs in the database, whichever process runs them (the API's
 * embedded worker, a worker of its own, a command), for the console's Gateway page.
 */
@Injectable()
export class GatewayJobHistory {
  private readonly logger = new Logger(GatewayJobHistory.name);

  constructor(
    private readonly runs: GatewayJobRunsRepository,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {}

  async track<Result>(job: GatewayJob, how: { trigger: JobTrigger; dryRun?: boolean }, run: () => Promise<Result>): Promise<Result> {
    const id = this.random.uuid();
    const startedAt = this.clock.now();
    await this.runs.start(
      { id, job, dryRun: how.dryRun ?? false, trigger: how.trigger, startedAt },
      { staleBefore: this.staleBefore(), keep: RUNS_KEPT_PER_JOB },
    );
    const heartbeat = new PeriodicTask({ name: `Heartbeat of ${job} run ${id}`, everyMs: HEARTBEAT_EVERY_MS, logger: this.logger }, () =>
      this.runs.beat(id, this.clock.now()),
    );
    heartbeat.start();
    try {
      const result = await run();
      await this.end(id, { finishedAt: this.clock.now(), outcome: 'ok', result });
      return result;
    } catch (error) {
      const message = scrubSecrets(error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
      await this.end(id, { finishedAt: this.clock.now(), outcome: 'failed', error: message });
      throw error;
    } finally {
      heartbeat.stop();
    }
  }

  async last(): Promise<LastGatewayRuns> {
    const staleBefore = this.staleBefore();
    const [usageIngestion, reconciliation, running] = await Promise.all([
      this.runs.lastEnded('usageIngestion', staleBefore),
      this.runs.lastEnded('reconciliation', staleBefore),
      this.runs.running(staleBefore),
    ]);
    return { usageIngestion, reconciliation, running };
  }

  /**
   * The job's own outcome matters more than its record: a run that did its work is not failed because
   * its end could not be written (it shows as interrupted once its heartbeat is stale).
   */
  private async end(id: string, end: RunEnd): Promise<void> {
    try {
      await this.runs.finish(id, end);
    } catch (error) {
      this.logger.error(`Could not record the end of gateway job run ${id}: ${(error as Error).message}`);
    }
  }

  private staleBefore(): Date {
    return new Date(this.clock.now().getTime() - STALE_AFTER_MS);
  }
}
