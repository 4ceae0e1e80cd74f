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

export interface UsageTotals {
  range: DayRange;
  groupBy: UsageGroupBy;
  total: number;
  groups: UsageGroup[];
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
