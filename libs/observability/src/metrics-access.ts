import { timingSafeEqual } from 'node:crypto';

/**
 * The one metrics-token check, for the API's /metrics and the worker's metrics server: without
 * METRICS_TOKEN anyone may scrape; with it, the `Authorization` header must be `Bearer <token>`,
 * compared in constant time.
 */
export function mayScrapeMetrics(authorization: string | undefined, metricsToken: string | undefined): boolean {
  if (metricsToken === undefined) return true;
  const given = Buffer.from(authorization ?? '');
  const expected = Buffer.from(`Bearer ${metricsToken}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
