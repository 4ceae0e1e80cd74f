import { type Logger } from '@nestjs/common';

export interface PeriodicTaskOptions {
  /** Named in the log line of a failed run. */
  name: string;
  everyMs: number;
  /** Before the first run (default `everyMs`): a fleet restarting together should not all run at once. */
  firstRunAfterMs?: number;
  logger: Logger;
}

/**
 * The one periodic-task mechanism: runs a job every N ms, never two runs of it at once (a run
 * still going when the next is due is skipped), logs a failure and carries on. Timers are unref'd:
 * they never keep a process alive.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly options: PeriodicTaskOptions,
    private readonly job: () => Promise<unknown>,
  ) {}

  start(): void {
    if (this.timer || this.options.everyMs <= 0) return;
    this.timer = setTimeout(() => {
      void this.runOnce();
      this.timer = setInterval(() => void this.runOnce(), this.options.everyMs);
      this.timer.unref();
    }, this.options.firstRunAfterMs ?? this.options.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Stops, then waits for the run in hand, if any (at shutdown, while the database is still open). */
  async drain(): Promise<void> {
    this.stop();
    await this.running;
  }

  /** One run now, unless one is already going. */
  async runOnce(): Promise<void> {
    if (this.running) return;
    this.running = this.runJob();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private async runJob(): Promise<void> {
    try {
      await this.job();
    } catch (error) {
      this.options.logger.error(`${this.options.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
