import { type QuotaPeriodName } from '@keyport/common';
import { type KeyUsage } from './key-usage';
import { type TokenBucket } from './token-bucket';

export interface GatewayPlan {
  id: string;
  rateLimit: number;
  burstLimit: number;
  quotaLimit: number;
  quotaPeriod: QuotaPeriodName;
}

/** A key as the local driver's tables hold it, with the Keyport ids from its tags. */
export interface GatewayKeyRow {
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
  plan: GatewayPlan | null;
  /** Requests added to the quota for the period starting `adjustedPeriodStart` (`YYYY-MM-DD`). */
  quotaAdjustment: number;
  adjustedPeriodStart: string | null;
  /** From the key's `keyport:expires` tag: the instant (ms since the epoch) from which it is refused; null when it never expires. */
  expiresAtMs: number | null;
}

/** A key ready for the request path: its row plus its throttle bucket and usage counter. */
export interface GatewayKeyEntry extends GatewayKeyRow {
  bucket: TokenBucket;
  usage: KeyUsage;
}
