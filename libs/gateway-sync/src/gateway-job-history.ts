import { Injectable } from '@nestjs/common';
import { Clock } from '@keyport/common';

export type GatewayJob = 'usageIngestion' | 'reconciliation';

export interface GatewayJobRun<Result = unknown> {
  startedAt: Date;
  finishedAt: Date;
  ok: boolean;
  /** What the run returned (ingestion figures, reconcile report); absent when it failed. */
  result?: Result;
  /** Why it failed; absent when it succeeded. */
  error?: string;
}

/**
 * The last run of each gateway job in this process, for the console's Gateway page. Kept in memory:
 * a worker in its own process (the aws driver's usual layout) keeps its own, and a restart forgets.
 */
@Injectable()
export class GatewayJobHistory {
  private readonly last = new Map<GatewayJob, GatewayJobRun>();

  constructor(private readonly clock: Clock) {}

  async track<Result>(job: GatewayJob, run: () => Promise<Result>): Promise<Result> {
    const startedAt = this.clock.now();
    try {
      const result = await run();
      this.last.set(job, { startedAt, finishedAt: this.clock.now(), ok: true, result });
      return result;
    } catch (error) {
      this.last.set(job, { startedAt, finishedAt: this.clock.now(), ok: false, error: (error as Error).message });
      throw error;
    }
  }

  lastRun(job: GatewayJob): GatewayJobRun | null {
    return this.last.get(job) ?? null;
  }
}
