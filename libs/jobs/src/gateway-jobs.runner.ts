import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { GatewayReconcilerService, UsageIngestionService, formatReport } from '@keyport/gateway-sync';

/** Time after start before the first run, so a fleet restarting together does not hit AWS at once. */
const FIRST_RUN_DELAY_MS = 30_000;

/** On the aws driver: ingests usage (USAGE_SYNC_INTERVAL) and reconciles with AWS (RECONCILE_INTERVAL). */
@Injectable()
export class GatewayJobsRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(GatewayJobsRunner.name);
  private readonly tasks: PeriodicTask[] = [];

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly usage: UsageIngestionService,
    private readonly reconciler: GatewayReconcilerService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.gatewayDriver !== 'aws') return;
    const { usageSyncIntervalMs, reconcileIntervalMs } = this.config.gatewayJobs;
    this.schedule('Scheduled usage ingestion', usageSyncIntervalMs, () => this.usage.run({ by: 'schedule' }));
    this.schedule('Scheduled reconciliation', reconcileIntervalMs, async () => {
      const report = await this.reconciler.run({ dryRun: false, trigger: { by: 'schedule' } });
      if (report.findings.length > 0) this.logger.warn(formatReport(report));
    });
  }

  // Before shutdown, not on it: a run in hand ends, and records its end, while the database is still
  // open. One that outlasts the shutdown deadline is cut off and shows as interrupted.
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.tasks.map((task) => task.drain()));
  }

  private schedule(name: string, everyMs: number, job: () => Promise<unknown>): void {
    const task = new PeriodicTask({ name, everyMs, firstRunAfterMs: Math.min(FIRST_RUN_DELAY_MS, everyMs), logger: this.logger }, job);
    task.start();
    this.tasks.push(task);
  }
}
