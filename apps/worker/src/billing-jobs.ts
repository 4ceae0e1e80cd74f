import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { GraceExpiry, UsageMetering } from '@keyport/billing';
import { AppConfig } from '@keyport/config';

const BILLING_JOBS_MS = 60_000;

/** Billing's periodic work: ending the grace of overdue subscriptions, and queueing usage for the Stripe meter. */
@Injectable()
export class BillingJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BillingJobs.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly config: AppConfig,
    private readonly grace: GraceExpiry,
    private readonly metering: UsageMetering,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.billing) return;
    this.timer = setInterval(() => void this.runOnce(), BILLING_JOBS_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass of every billing job; a pass still running is not started twice. */
  async runOnce(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const reviewed = await this.grace.run();
      if (reviewed > 0) this.logger.log(`Reviewed ${reviewed} developer(s) past their payment grace`);
      const queued = await this.metering.queueFinishedDays();
      if (queued > 0) this.logger.log(`Queued ${queued} day(s) of usage for the Stripe meter`);
    } catch (error) {
      this.logger.error(`Billing jobs failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
