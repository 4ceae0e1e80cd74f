const number = new Intl.NumberFormat('en');
const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const compact = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

export const formatCount = (value: number): string => number.format(value);
/** Times in UTC, as the API counts quotas and days in UTC. */
export const formatDateTime = (iso: string): string => `${dateTime.format(new Date(iso))} UTC`;
export const formatDate = (iso: string): string => date.format(new Date(iso));
/** For tables whose header says the times are UTC. */
export const formatUtc = (iso: string): string => compact.format(new Date(iso));

const PERIODS: Record<string, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };
export const periodName = (period: string): string => PERIODS[period] ?? period.toLowerCase();
