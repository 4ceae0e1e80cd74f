import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { SecurityAuditService } from './security-audit.service';

/** A fresh process waits this long before its first audit, so a fleet restarting together stays quiet. */
const FIRST_RUN_DELAY_MS = 5 * 60_000;

/**
 * The worker's audit every SECURITY_AUDIT_INTERVAL (daily by default). The schedule continues from
 * the last kept run, so restarts neither skip a day nor audit on every start.
 */
@Injectable()
export class SecurityAuditScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SecurityAudit');
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly audit: SecurityAuditService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const interval = this.config.securityAudit.intervalMs;
    if (interval <= 0) return;
    const last = await this.audit.lastRunAt().catch(() => null);
    const due = last ? last.getTime() + interval - this.clock.now().getTime() : 0;
    this.schedule(Math.max(Math.min(FIRST_RUN_DELAY_MS, interval), due));
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.run(), delayMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      const report = await this.audit.report({ fresh: true });
      this.logger.log(`Security audit: ${report.summary.pass} pass, ${report.summary.warn} warn, ${report.summary.fail} fail`);
    } catch (error) {
      this.logger.error(`Scheduled security audit failed: ${(error as Error).message}`);
    } finally {
      this.schedule(this.config.securityAudit.intervalMs);
    }
  }
}
