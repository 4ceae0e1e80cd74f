import { type BillingStatus } from '@keyport/billing';
import { type QuotaPeriodName } from '@keyport/common';
import { type Developer } from '@keyport/developers';
import { type ApiKey } from '@keyport/keys';

export interface PeriodUsage {
  period: QuotaPeriodName;
  start: Date;
  /** Exclusive: when the quota resets. */
  end: Date;
  used: number;
  /** The quota in effect: the developer's own when an admin set one, else the tier's. */
  limit: number;
  /** Requests admins added for this period. */
  granted: number;
}

export interface DeveloperDetail {
  developer: Developer;
  keys: readonly ApiKey[];
  /** `BillingService.status`; null while billing is off. */
  billing: BillingStatus | null;
  usage: PeriodUsage;
}
