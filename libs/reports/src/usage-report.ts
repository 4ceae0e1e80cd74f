import { type QuotaPeriodName } from '@keyport/common';
import { type DayRange } from './day-range';

export type UsageGroupBy = 'day' | 'developer' | 'tier' | 'key';

export interface UsageFilter {
  tier?: string;
  developerId?: string;
}

export interface UsageGroup {
  /** The day (`YYYY-MM-DD`), developer id, tier slug or key id. */
  group: string;
  requests: number;
  /** Owner of the key, for `groupBy=key`. */
  developerId?: string;
}

/** A page of developer or key groups (day and tier groups come whole). */
export interface UsagePage {
  cursor?: string;
  limit: number;
}

export interface UsageTotals {
  range: DayRange;
  groupBy: UsageGroupBy;
  /** All requests in the range under the filter, over every page. */
  total: number;
  groups: UsageGroup[];
  /** Where the next page of groups starts; null on the last page. */
  nextCursor: string | null;
}

export interface DeveloperQuotaUse {
  developerId: string;
  email: string;
  tier: string;
  quota: { limit: number; period: QuotaPeriodName };
  requests: number;
  /** Requests over the quota available in the range (or this period, for utilization), grants included. */
  share: number;
}

export interface QuotaUtilization {
  threshold: number;
  /** Developers at or above the threshold; `items` holds the first `limit` of them. */
  total: number;
  items: Array<DeveloperQuotaUse & { granted: number; periodStart: Date; periodEnd: Date }>;
}
