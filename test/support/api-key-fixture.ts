import { type ApiKey } from '@keyport/keys';

/** A live key of `dev-1` at the gateway, alone in its lineage, for unit specs; override what the spec is about. */
export function apiKeyFixture(overrides: Partial<ApiKey> = {}): ApiKey {
  const id = overrides.id ?? 'key-1';
  return {
    id,
    developerId: 'dev-1',
    name: `name of ${id}`,
    prefix: 'kpAAAAAA',
    last4: 'abcd',
    status: 'ACTIVE',
    lineageId: id,
    rotatedFromId: null,
    expiresAt: null,
    revokedAt: null,
    gatewayKeyId: `gw-${id}`,
    applicationId: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}
