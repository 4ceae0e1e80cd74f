import { Injectable } from '@nestjs/common';
import { Clock, type QuotaPeriodName, quotaWindow } from '@keyport/common';
import { type DayRange, dayRange } from './day-range';
import { usageGroupCursor } from './usage-group-cursor';
import { type DeveloperQuotaUse, type QuotaUtilization, type UsageFilter, type UsageGroupBy, type UsagePage, type UsageTotals } from './usage-report';
import { UsageReportsRepository } from './usage-reports.repository';

/** The admin's usage reports: totals per group, heaviest developers, developers near their quota. */
@Injectable()
export class UsageReportsService {
  constructor(
    private readonly reports: UsageReportsRepository,
    private readonly clock: Clock,
  ) {}

  /** Requests of all the developer's keys on the UTC days in [from, to): what an admin's developer profile shows as used this period. */
  developerRequestsBetween(developerId: string, from: Date, to: Date): Promise<number> {
    return this.reports.developerRequestsBetween(developerId, from, to);
  }

  /** Validates a requested range (at most 366 days); 400 otherwise. */
  range(from: string | undefined, to: string | undefined): DayRange {
    return dayRange.parse(from, to, this.clock.now());
  }

  /**
   * Totals per group. Developers and keys come a page at a time in id order (a page covers the
   * next `limit` ids, so it may hold fewer groups: those without requests are left out); `total`
   * always covers the whole range.
   */
  async totals(range: DayRange, groupBy: UsageGroupBy, filter: UsageFilter, page: UsagePage): Promise<UsageTotals> {
    const byTier = await this.reports.byDayOrTier(range, 'tier', filter);
    const total = byTier.reduce((sum, group) => sum + group.requests, 0);
    if (groupBy === 'tier') return { range, groupBy, total, groups: byTier, nextCursor: null };
    if (groupBy === 'day') return { range, groupBy, total, groups: await this.reports.byDayOrTier(range, 'day', filter), nextCursor: null };
    const after = page.cursor === undefined ? null : usageGroupCursor.decode(groupBy, page.cursor);
    const window =
      groupBy === 'developer'
        ? await this.reports.developerWindow(after, page.limit, filter.developerId)
        : await this.reports.keyWindow(after, page.limit, filter.developerId);
    if (!window) return { range, groupBy, total, groups: [], nextCursor: null };
    const plan = dayRange.plan(range, this.clock.now());
    const groups = groupBy === 'developer' ? await this.reports.byDeveloper(plan, filter, window) : await this.reports.byKey(plan, filter, window);
    return { range, groupBy, total, groups, nextCursor: window.full ? usageGroupCursor.encode(groupBy, window.last) : null };
  }

  /** The `limit` heaviest developers, with the share of the quota they had over the range. */
  async top(range: DayRange, limit: number): Promise<DeveloperQuotaUse[]> {
    const rows = await this.reports.top(dayRange.runningTotalDays(range), limit);
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
    const today = now.toISOString().slice(0, 10);
    const starts = { day: quotaWindow('DAY', now).start, week: quotaWindow('WEEK', now).start, month: quotaWindow('MONTH', now).start };
    const through = (start: Date) => dayRange.runningTotalDays({ from: start.toISOString().slice(0, 10), to: today });
    const periods = { starts, day: through(starts.day), week: through(starts.week), month: through(starts.month) };
    const { total, rows } = await this.reports.utilization(periods, threshold, limit);
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
