import { Injectable } from '@nestjs/common';
import { Clock, type QuotaPeriodName, quotaWindow } from '@keyport/common';
import { type DayRange, dayRange } from './day-range';
import { type DeveloperQuotaUse, type QuotaUtilization, type UsageFilter, type UsageGroupBy, type UsageTotals } from './usage-report';
import { UsageReportsRepository } from './usage-reports.repository';

/** The admin's usage reports: totals per group, heaviest developers, developers near their quota. */
@Injectable()
export class UsageReportsService {
  constructor(
    private readonly reports: UsageReportsRepository,
    private readonly clock: Clock,
  ) {}

  /** Validates a requested range (at most 366 days); 400 otherwise. */
  range(from: string | undefined, to: string | undefined): DayRange {
    return dayRange.parse(from, to, this.clock.now());
  }

  async totals(range: DayRange, groupBy: UsageGroupBy, filter: UsageFilter): Promise<UsageTotals> {
    const groups =
      groupBy === 'day' || groupBy === 'tier'
        ? await this.reports.byDayOrTier(range, groupBy, filter)
        : groupBy === 'developer'
          ? await this.reports.byDeveloper(dayRange.plan(range, this.clock.now()), filter)
          : await this.reports.byKey(dayRange.plan(range, this.clock.now()), filter);
    const total = groups.reduce((sum, group) => sum + group.requests, 0);
    return { range, groupBy, total, groups };
  }

  /** The `limit` heaviest developers, with the share of the quota they had over the range. */
  async top(range: DayRange, limit: number): Promise<DeveloperQuotaUse[]> {
    const rows = await this.reports.top(dayRange.plan(range, this.clock.now()), limit);
    return rows.map((row) => ({
      developerId: row.developerId,
      email: row.email,
      tier: row.tier,
      quota: { limit: row.quotaLimit, period: row.quotaPeriod },
      requests: row.requests,
      share: ratio(row.requests, row.quotaLimit * periodsIn(range, row.quotaPeriod)),
    }));
  }

  async quotaUtilization(threshold: number, limit: number): Promise<QuotaUtilization> {
    const now = this.clock.now();
    const week = quotaWindow('WEEK', now);
    const starts = { day: quotaWindow('DAY', now).start, week: week.start, weekEnd: week.end, month: quotaWindow('MONTH', now).start };
    const { total, rows } = await this.reports.utilization(starts, threshold, limit);
    return {
      threshold,
      total,
      items: rows.map((row) => {
        const window = quotaWindow(row.quotaPeriod, now);
        return {
          developerId: row.developerId,
          email: row.email,
          tier: row.tier,
          quota: { limit: row.quotaLimit, period: row.quotaPeriod },
          requests: row.requests,
          granted: row.granted,
          share: ratio(row.requests, row.quotaLimit + row.granted),
          periodStart: window.start,
          periodEnd: window.end,
        };
      }),
    };
  }
}

/** How many quota periods of this kind the range touches (a month-long quota over 90 days: 3 or 4). */
function periodsIn(range: DayRange, period: QuotaPeriodName): number {
  const first = quotaWindow(period, new Date(`${range.from}T00:00:00Z`));
  const last = quotaWindow(period, new Date(`${range.to}T00:00:00Z`));
  let count = 1;
  for (let window = first; window.start.getTime() < last.start.getTime(); window = quotaWindow(period, window.end)) count++;
  return count;
}

function ratio(used: number, available: number): number {
  return available <= 0 ? 0 : Math.round((used / available) * 10_000) / 10_000;
}
