import { type QuotaPeriodName } from '@keyport/common';
import { type Developer } from '@keyport/developers';
import { type ApiKey } from '@keyport/keys';

/** The developer's Stripe subscription as last seen; absent until billing exists for them. */
export interface BillingState {
  subscriptionId: string;
  status: string;
  tier: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
}

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
  keys: ApiKey[];
  billing: BillingState | null;
  usage: PeriodUsage;
}
