import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { GatewayReconciler, UsageIngestion, formatReport } from '@keyport/gateway-sync';

/** Time after start before the first run, so a fleet restarting together does not hit AWS at once. */
const FIRST_RUN_DELAY_MS = 30_000;

/** On the aws driver: ingests usage (USAGE_SYNC_INTERVAL) and reconciles with AWS (RECONCILE_INTERVAL). */
@Injectable()
export class GatewayJobsRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GatewayJobsRunner.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<string>();

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly usage: UsageIngestion,
    private readonly reconciler: GatewayReconciler,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.gatewayDriver !== 'aws') return;
    const { usageSyncIntervalMs, reconcileIntervalMs } = this.config.gatewayJobs;
    this.schedule('usage ingestion', usageSyncIntervalMs, () => this.usage.run());
    this.schedule('reconciliation', reconcileIntervalMs, async () => {
      const report = await this.reconciler.run({ dryRun: false });
      if (report.findings.length > 0) this.logger.warn(formatReport(report));
    });
  }

  onApplicationShutdown(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
  }

  private schedule(name: string, intervalMs: number, job: () => Promise<unknown>): void {
    if (intervalMs <= 0) return;
    const run = async () => {
      if (this.running.has(name)) return;
      this.running.add(name);
      try {
        await job();
      } catch (error) {
        this.logger.error(`Scheduled ${name} failed: ${(error as Error).message}`);
      } finally {
        this.running.delete(name);
      }
    };
    const first = setTimeout(() => {
      void run();
      const every = setInterval(() => void run(), intervalMs);
      every.unref();
      this.timers.push(every);
    }, Math.min(FIRST_RUN_DELAY_MS, intervalMs));
    first.unref();
    this.timers.push(first);
  }
}
