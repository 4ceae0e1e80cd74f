import { Injectable } from '@nestjs/common';
import { Db, type Prisma } from '@keyport/db';
import { type AuditRunSummary } from './audit-run-summary';
import { type Finding, type SecurityReport } from './finding';

/** The audits kept over time (table `security_audit_runs`, owned by this lib). */
@Injectable()
export class SecurityAuditHistoryRepository {
  constructor(private readonly db: Db) {}

  async record(report: SecurityReport, newFails: string[]): Promise<void> {
    await this.db.client.securityAuditRun.create({
      data: {
        checkedAt: new Date(report.checkedAt),
        driver: report.driver,
        ...report.summary,
        findings: report.findings as unknown as Prisma.InputJsonValue,
        newFails,
      },
    });
  }

  /** The fails (`check resource`) of the newest run, or null when none was kept yet. */
  async latestFails(): Promise<Set<string> | null> {
    const row = await this.db.client.securityAuditRun.findFirst({ orderBy: { id: 'desc' }, select: { findings: true } });
    if (!row) return null;
    return new Set((row.findings as unknown as Finding[]).filter((f) => f.status === 'fail').map(failKey));
  }

  async latestCheckedAt(): Promise<Date | null> {
    const row = await this.db.client.securityAuditRun.findFirst({ orderBy: { id: 'desc' }, select: { checkedAt: true } });
    return row?.checkedAt ?? null;
  }

  /** Newest first. */
  async recent(limit: number): Promise<AuditRunSummary[]> {
    const rows = await this.db.client.securityAuditRun.findMany({
      orderBy: { id: 'desc' },
      take: limit,
      select: { checkedAt: true, driver: true, pass: true, warn: true, fail: true, newFails: true },
    });
    return rows;
  }
}

export const failKey = (finding: Pick<Finding, 'check' | 'resource'>): string => `${finding.check} ${finding.resource}`;
