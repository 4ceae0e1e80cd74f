import { DAY_MS, invalid, isoDay } from '@keyport/common';

/** The longest range an admin usage report or export covers (GET /v1/admin/usage*): a year and a day. */
export const ADMIN_REPORT_MAX_DAYS = 366;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An inclusive range of UTC days, as `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

/** A day of the running totals (usage_developer_mtd) and whether it adds or subtracts. */
export interface RunningTotalDay {
  day: string;
  sign: 1 | -1;
}

/** How one range is summed from monthly and daily rollups with the fewest daily rows. */
export interface RangePlan {
  /** First days of the months taken whole from the monthly rollup. */
  months: string[];
  /** Day ranges added from the daily rollup. */
  add: DayRange[];
  /** Day ranges subtracted (a whole month was cheaper than its included days). */
  subtract: DayRange[];
}

export const dayRange = {
  /** Validates a report range: both ends optional (the last 30 days up to today), at most 366 days. */
  parse(from: string | undefined, to: string | undefined, today: Date): DayRange {
    const end = to === undefined ? startOfDay(today) : parseDay(to, 'to');
    const start = from === undefined ? new Date(end.getTime() - 29 * DAY_MS) : parseDay(from, 'from');
    if (start > end) throw invalid('Invalid request', [{ field: 'from', message: 'must not be after to' }]);
    const days = daysBetween(start, end) + 1;
    if (days > ADMIN_REPORT_MAX_DAYS) {
      throw invalid('Invalid request', [{ field: 'to', message: `range must cover at most ${ADMIN_REPORT_MAX_DAYS} days (got ${days})` }]);
    }
    return { from: isoDay(start), to: isoDay(end) };
  },

  /**
   * Splits a range by calendar month. A month wholly inside comes from the monthly rollup; a partial
   * month either adds its included days, or takes the whole month and subtracts the days outside it,
   * whichever reads fewer days that can hold data (none after today).
   */
  plan(range: DayRange, today: Date): RangePlan {
    const result: RangePlan = { months: [], add: [], subtract: [] };
    const from = new Date(`${range.from}T00:00:00Z`);
    const to = new Date(`${range.to}T00:00:00Z`);
    const lastDataDay = startOfDay(today);
    for (let month = monthStart(from); month <= to; month = nextMonth(month)) {
      const monthEnd = new Date(nextMonth(month).getTime() - DAY_MS);
      const inStart = from > month ? from : month;
      const inEnd = to < monthEnd ? to : monthEnd;
      if (inStart.getTime() === month.getTime() && inEnd.getTime() === monthEnd.getTime()) {
        result.months.push(isoDay(month));
        continue;
      }
      const dataEnd = monthEnd < lastDataDay ? monthEnd : lastDataDay;
      const included = Math.max(0, daysBetween(inStart, inEnd < dataEnd ? inEnd : dataEnd) + 1);
      const excluded = Math.max(0, daysBetween(month, inStart)) + Math.max(0, daysBetween(inEnd, dataEnd));
      if (included <= excluded) {
        result.add.push({ from: isoDay(inStart), to: isoDay(inEnd) });
        continue;
      }
      result.months.push(isoDay(month));
      if (inStart > month) result.subtract.push({ from: isoDay(month), to: isoDay(new Date(inStart.getTime() - DAY_MS)) });
      if (inEnd < monthEnd) result.subtract.push({ from: isoDay(new Date(inEnd.getTime() + DAY_MS)), to: isoDay(monthEnd) });
    }
    return result;
  },

  /**
   * The days of the monthly running totals whose signed sum is the range's total: per month, the
   * total through the range's last day in it, less the total through the day before its first.
   */
  runningTotalDays(range: DayRange): RunningTotalDay[] {
    const days: RunningTotalDay[] = [];
    const from = new Date(`${range.from}T00:00:00Z`);
    const to = new Date(`${range.to}T00:00:00Z`);
    for (let month = monthStart(from); month <= to; month = nextMonth(month)) {
      const monthEnd = new Date(nextMonth(month).getTime() - DAY_MS);
      days.push({ day: isoDay(to < monthEnd ? to : monthEnd), sign: 1 });
      if (from > month) days.push({ day: isoDay(new Date(from.getTime() - DAY_MS)), sign: -1 });
    }
    return days;
  },
};

function parseDay(value: string, field: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DAY.test(value) || Number.isNaN(date.getTime()) || isoDay(date) !== value) {
    throw invalid('Invalid request', [{ field, message: 'must be a date as YYYY-MM-DD' }]);
  }
  return date;
}

function startOfDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

function nextMonth(month: Date): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
}

function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}
