export type ApiKeyStatus = 'PROVISIONING' | 'ACTIVE' | 'REVOKED';

export interface ApiKey {
  id: string;
  developerId: string;
  name: string;
  prefix: string;
  last4: string;
  status: ApiKeyStatus;
  lineageId: string;
  rotatedFromId: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  gatewayKeyId: string | null;
  /** Set on an application's managed key (never listed to the developer, outside the key limit). */
  applicationId: string | null;
  createdAt: Date;
}

/** What comparing the gateway with Keyport needs of a key (the reconciler): its owner, status and gateway id. */
export type KeyGatewayState = Pick<ApiKey, 'id' | 'developerId' | 'status' | 'gatewayKeyId'>;

/** A key together with its value: exists only in the response that creates it. */
export interface IssuedApiKey {
  key: ApiKey;
  value: string;
}

export const isKeyLive = (key: ApiKey): boolean => key.status !== 'REVOKED';

/** The longest a key may be made to live: one year (365 days). */
export const MAX_KEY_LIFETIME_MS = 365 * 24 * 3600 * 1000;

/** What a developer sees: a key whose expiry has come is `EXPIRED` (computed, never stored), unless it was revoked before. */
export type ApiKeyPresentedStatus = ApiKeyStatus | 'EXPIRED';

export function presentedStatus(key: ApiKey, now: Date): ApiKeyPresentedStatus {
  if (!key.expiresAt || key.expiresAt > now) return key.status;
  return key.revokedAt && key.revokedAt < key.expiresAt ? 'REVOKED' : 'EXPIRED';
}
