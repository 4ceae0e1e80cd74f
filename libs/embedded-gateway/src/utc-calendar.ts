import { DAY_MS, type QuotaPeriodName, isoDay, quotaWindow } from '@keyport/common';

/**
 * Today's UTC day and the start day of each quota period, recomputed only when a UTC midnight
 * passes: every period boundary is a midnight, so between two midnights nothing changes.
 */
export class UtcCalendar {
  private validFrom = 0;
  private validUntil = 0;
  private today = '';
  private starts: Record<QuotaPeriodName, string> = { DAY: '', WEEK: '', MONTH: '' };

  /** `YYYY-MM-DD` of the UTC day at `nowMs`. */
  day(nowMs: number): string {
    this.roll(nowMs);
    return this.today;
  }

  /** `YYYY-MM-DD` of the first day of the quota period containing `nowMs`. */
  periodStart(period: QuotaPeriodName, nowMs: number): string {
    this.roll(nowMs);
    return this.starts[period];
  }

  /** The earliest start day of any period containing `nowMs`: how far back current quotas look. */
  earliestPeriodStart(nowMs: number): string {
    this.roll(nowMs);
    return this.starts.WEEK < this.starts.MONTH ? this.starts.WEEK : this.starts.MONTH;
  }

  private roll(nowMs: number): void {
    if (nowMs >= this.validFrom && nowMs < this.validUntil) return;
    const at = new Date(nowMs);
    this.validFrom = nowMs - (nowMs % DAY_MS);
    this.validUntil = this.validFrom + DAY_MS;
    this.today = isoDay(at);
    this.starts = {
      DAY: this.today,
      WEEK: isoDay(quotaWindow('WEEK', at).start),
      MONTH: isoDay(quotaWindow('MONTH', at).start),
    };
  }
}
