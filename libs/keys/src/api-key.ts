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
  createdAt: Date;
}

/** A key together with its value: exists only in the response that creates it. */
export interface IssuedApiKey {
  key: ApiKey;
  value: string;
}

export const isKeyLive = (key: ApiKey): boolean => key.status !== 'REVOKED';
