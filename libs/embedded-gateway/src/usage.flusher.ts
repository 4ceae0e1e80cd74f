import { Injectable, Logger } from '@nestjs/common';
import { Transactions } from '@keyport/db';
import { UsageRecorderService } from '@keyport/usage';
import { GatewayClock } from './gateway-clock';
import { GatewayThreadHost } from './gateway-thread.host';
import { UtcCalendar } from './utc-calendar';

export const FLUSH_INTERVAL_MS = 2_000;
/** How often the counts of current periods are read back, picking up what other gateways flushed. */
export const RECOUNT_INTERVAL_MS = 60_000;

/**
 * Writes the gateway's counts to usage_daily every FLUSH_INTERVAL_MS and on shutdown, and reads
 * the current periods' counts at start. Flushes and recounts run one at a time, so a recount can
 * never overwrite counts a flush has just moved.
 */
@Injectable()
export class UsageFlusher {
  private readonly logger = new Logger('EmbeddedGateway');
  private queue: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private lastRecountMs = 0;

  constructor(
    private readonly thread: GatewayThreadHost,
    private readonly usage: UsageRecorderService,
    private readonly transactions: Transactions,
    private readonly calendar: UtcCalendar,
    private readonly clock: GatewayClock,
  ) {}

  async start(): Promise<void> {
    await this.recount();
    this.timer = setInterval(() => void this.tick(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(async (error: unknown) => {
      const lost = (await this.thread.collect()).reduce((sum, increment) => sum + increment.requests, 0);
      this.logger.error(`Final usage flush failed, ${lost} request(s) not recorded: ${(error as Error).message}`);
    });
  }

  /** Writes every pending count now; resolves once they are committed. */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      const increments = await this.thread.collect();
      if (increments.length === 0) return;
      await this.transactions.run(() => this.usage.addRequests(increments));
      this.thread.post({ type: 'flushed', increments });
    });
  }

  recount(): Promise<void> {
    return this.enqueue(async () => {
      const now = this.clock.nowMs();
      this.thread.post({ type: 'recounted', rows: await this.usage.lineageDays(this.calendar.earliestPeriodStart(now)) });
      this.lastRecountMs = now;
    });
  }

  private async tick(): Promise<void> {
    try {
      await this.flush();
      if (this.clock.nowMs() - this.lastRecountMs >= RECOUNT_INTERVAL_MS) await this.recount();
    } catch (error) {
      this.logger.warn(`Usage flush failed, retrying in ${FLUSH_INTERVAL_MS} ms: ${(error as Error).message}`);
    }
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
