/** UTC days as YYYY-MM-DD, the API's unit for usage. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The `count` days ending today (UTC), both ends included. */
export function lastDays(count: number, now: Date = new Date()): { from: string; to: string } {
  const from = new Date(now.getTime() - (count - 1) * 86_400_000);
  return { from: utcDay(from), to: utcDay(now) };
}

export interface DailyRequests {
  date: string;
  requests: number;
}

/**
 * One point per day of the range: the API leaves days without requests out and lists one row per
 * key and day, and a chart wants every day once.
 */
export function requestsPerDay(items: ReadonlyArray<{ date: string; requests: number }>, range: { from: string; to: string }): DailyRequests[] {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.date, (totals.get(item.date) ?? 0) + item.requests);
  const days: DailyRequests[] = [];
  for (let day = new Date(`${range.from}T00:00:00Z`); utcDay(day) <= range.to; day = new Date(day.getTime() + 86_400_000)) {
    days.push({ date: utcDay(day), requests: totals.get(utcDay(day)) ?? 0 });
  }
  return days;
}
