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

/** A key together with its value: exists only in the response that creates it. */
export interface IssuedApiKey {
  key: ApiKey;
  value: string;
}

export const isLive = (key: ApiKey): boolean => key.status !== 'REVOKED';
