import { type QuotaPeriodName } from '@keyport/common';

/** A usage plan's limits as the local driver holds them. */
export interface LocalGatewayPlan {
  id: string;
  rateLimit: number;
  burstLimit: number;
  quotaLimit: number;
  quotaPeriod: QuotaPeriodName;
}

/** A key as the local driver's tables hold it, with the Keyport ids from its tags. */
export interface LocalGatewayKey {
  gatewayKeyId: string;
  valueHash: string;
  enabled: boolean;
  keyId: string;
  developerId: string;
  lineageId: string;
  /** Set on an application's managed key (GATEWAY_API_KEY_SOURCE=AUTHORIZER meters the application by it). */
  applicationId: string | null;
  /** When the gateway key was created, in ms: a person's token in AUTHORIZER mode uses their oldest key. */
  createdAtMs: number;
  /** The usage plan the key belongs to; a key in no plan is refused, as on API Gateway. */
  plan: LocalGatewayPlan | null;
  /** Requests added to the quota for the period starting `adjustedPeriodStart` (`YYYY-MM-DD`). */
  quotaAdjustment: number;
  adjustedPeriodStart: string | null;
  /** From the key's `keyport:expires` tag: the instant (ms since the epoch) from which it is refused; null when it never expires. */
  expiresAtMs: number | null;
}
