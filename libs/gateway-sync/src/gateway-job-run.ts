/** The gateway jobs whose runs Keyport records (also the `job` column of `gateway_job_runs`). */
export type GatewayJob = 'usageIngestion' | 'reconciliation';

/** Who started a run: the worker's schedule, an admin (console or admin API), or `npm run gateway:...`. */
export type JobTrigger = { by: 'schedule' } | { by: 'command' } | { by: 'admin'; adminId: string };

/** `interrupted`: the process running it stopped (crash, kill, lost database) before it recorded an end. */
export type JobOutcome = 'ok' | 'failed' | 'interrupted';

/** A run that has ended. */
export interface GatewayJobRun<Result = unknown> {
  id: string;
  job: GatewayJob;
  dryRun: boolean;
  trigger: JobTrigger;
  startedAt: Date;
  /** When it ended; for an interrupted run, its last sign of life. */
  finishedAt: Date;
  outcome: JobOutcome;
  ok: boolean;
  /** What the run returned (ingestion figures, reconcile report); absent unless ok. */
  result?: Result;
  /** Why it failed or stopped; absent when ok. */
  error?: string;
}

/** A run still going: its process wrote a heartbeat recently. */
export interface RunningGatewayJob {
  id: string;
  job: GatewayJob;
  dryRun: boolean;
  trigger: JobTrigger;
  startedAt: Date;
  heartbeatAt: Date;
}

export const INTERRUPTED_ERROR = 'Interrupted: the process running it stopped before the run ended';
