import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { GraceExpiryService, UsageMeteringService } from '@keyport/billing';
import { PeriodicTask } from '@keyport/common';
import { AppConfig } from '@keyport/config';

const BILLING_JOBS_MS = 60_000;

/** Billing's periodic work: ending the grace of overdue subscriptions, and queueing usage for the Stripe meter. */
@Injectable()
export class BillingJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BillingJobs.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly config: AppConfig,
    private readonly grace: GraceExpiryService,
    private readonly metering: UsageMeteringService,
  ) {
    this.task = new PeriodicTask({ name: 'Billing jobs', everyMs: BILLING_JOBS_MS, logger: this.logger }, async () => {
      const reviewed = await this.grace.run();
      if (reviewed > 0) this.logger.log(`Reviewed ${reviewed} developer(s) past their payment grace`);
      const queued = await this.metering.queueFinishedDays();
      if (queued > 0) this.logger.log(`Queued ${queued} day(s) of usage for the Stripe meter`);
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.billing) this.task.start();
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }

  /** One pass of every billing job; a pass still running is not started twice. */
  runOnce(): Promise<void> {
    return this.task.runOnce();
  }
}
