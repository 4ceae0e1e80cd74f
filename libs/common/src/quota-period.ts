/** Milliseconds in a UTC day (no leap seconds in UTC timestamps). */
export const DAY_MS = 86_400_000;

export type QuotaPeriodName = 'DAY' | 'WEEK' | 'MONTH';

export interface PeriodWindow {
  start: Date;
  /** Exclusive end: the moment the quota resets. */
  end: Date;
}

/** The UTC window a quota counts in, as API Gateway counts it (weeks start on Monday). */
export function quotaWindow(period: QuotaPeriodName, at: Date): PeriodWindow {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const d = at.getUTCDate();
  if (period === 'DAY') return { start: new Date(Date.UTC(y, m, d)), end: new Date(Date.UTC(y, m, d + 1)) };
  if (period === 'WEEK') {
    const sinceMonday = (at.getUTCDay() + 6) % 7;
    return { start: new Date(Date.UTC(y, m, d - sinceMonday)), end: new Date(Date.UTC(y, m, d - sinceMonday + 7)) };
  }
  return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
}

/** `YYYY-MM-DD` of a UTC date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
