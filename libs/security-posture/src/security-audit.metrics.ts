import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { Metrics } from '@keyport/observability';
import { type FindingSummary } from './finding';

/** The audit's series, on the process's one registry (`/metrics`). */
@Injectable()
export class SecurityAuditMetrics {
  private readonly newFails: Counter<'check'>;
  private readonly findings: Gauge<'status'>;

  constructor(metrics: Metrics) {
    this.newFails = new Counter({
      name: 'keyport_security_audit_new_fails_total',
      help: 'Security audit fails that the previous audit did not have, by check id',
      labelNames: ['check'] as const,
      registers: [metrics.registry],
    });
    this.findings = new Gauge({
      name: 'keyport_security_audit_findings',
      help: 'Findings of the latest security audit by status (pass, warn, fail)',
      labelNames: ['status'] as const,
      registers: [metrics.registry],
    });
  }

  audited(summary: FindingSummary, newFailChecks: string[]): void {
    for (const status of ['pass', 'warn', 'fail'] as const) this.findings.set({ status }, summary[status]);
    for (const check of newFailChecks) this.newFails.inc({ check });
  }
}
