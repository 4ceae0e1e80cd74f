import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayUnavailableError } from '@keyport/api-gateway';
import { Clock, unavailable } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { AwsPostureReader } from './aws/aws-posture.reader';
import { auditStage } from './checks/stage-audit';
import { type Finding, type SecurityReport, summarise } from './finding';
import { embeddedGatewayChecks } from './local/embedded-gateway.checks';
import { type AuditRunSummary } from './audit-run-summary';
import { SecurityAuditHistoryRepository, failKey } from './security-audit-history.repository';
import { SecurityAuditMetrics } from './security-audit.metrics';

/**
 * The security posture audit: reads the live gateway configuration (API Gateway on the aws driver,
 * the embedded gateway's settings on the local one), checks it, keeps every run, and serves the
 * latest for SECURITY_AUDIT_TTL so a busy admin page does not spend the account's AWS quota.
 */
@Injectable()
export class SecurityAuditService {
  private readonly logger = new Logger('SecurityAudit');
  private cached?: { report: SecurityReport; at: number };
  private running?: Promise<SecurityReport>;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly aws: AwsPostureReader,
    private readonly history: SecurityAuditHistoryRepository,
    private readonly metrics: SecurityAuditMetrics,
    private readonly clock: Clock,
  ) {}

  /** The latest audit no older than SECURITY_AUDIT_TTL, or a new one when `fresh`. */
  async report(options: { fresh?: boolean } = {}): Promise<SecurityReport> {
    const now = this.clock.now().getTime();
    if (!options.fresh && this.cached && now - this.cached.at < this.config.securityAudit.ttlMs) return this.cached.report;
    // Concurrent callers share the run in progress.
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  async recentRuns(limit: number): Promise<AuditRunSummary[]> {
    return this.history.recent(limit);
  }

  /** When the last kept run happened (the worker's schedule continues from it). */
  lastRunAt(): Promise<Date | null> {
    return this.history.latestCheckedAt();
  }

  private async run(): Promise<SecurityReport> {
    const checkedAt = this.clock.now();
    const findings = await this.findings();
    const report: SecurityReport = { checkedAt: checkedAt.toISOString(), driver: this.config.gatewayDriver, summary: summarise(findings), findings };
    await this.keep(report);
    this.cached = { report, at: checkedAt.getTime() };
    return report;
  }

  private async findings(): Promise<Finding[]> {
    if (this.config.gatewayDriver === 'local') return embeddedGatewayChecks(this.config);
    try {
      return (await this.aws.read()).flatMap(auditStage);
    } catch (error) {
      if (!(error instanceof GatewayUnavailableError)) throw error;
      this.logger.warn(`Security audit could not read the gateway: ${error.message}`);
      throw unavailable('API Gateway did not answer the security audit; try again shortly');
    }
  }

  /** Records the run; a fail the previous run did not have is logged at warn and counted. */
  private async keep(report: SecurityReport): Promise<void> {
    const before = (await this.history.latestFails()) ?? new Set<string>();
    const newFails = report.findings.filter((f) => f.status === 'fail' && !before.has(failKey(f)));
    await this.history.record(report, newFails.map(failKey));
    for (const fail of newFails) this.logger.warn(`New security audit fail: ${fail.check} on ${fail.resource}: ${fail.message}`);
    this.metrics.audited(
      report.summary,
      newFails.map((f) => f.check),
    );
  }
}
