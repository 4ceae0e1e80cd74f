import { type QuotaPeriodName } from '@keyport/common';
import { type KeyDayUsage } from './usage-day';

export interface QuotaStatus {
  limit: number;
  period: QuotaPeriodName;
  used: number;
  remaining: number;
  /** When the current period ends and the count starts again. */
  resetsAt: Date;
}

export interface UsageReport {
  items: KeyDayUsage[];
  quota: QuotaStatus;
}

export interface UsageQuery {
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, inclusive. */
  to: string;
  keyId?: string;
}
