import { type Developer } from '@keyport/developers';

/** An active, confirmed developer on the standard tier, for unit specs; override what the spec is about. */
export function developerFixture(overrides: Partial<Developer> = {}): Developer {
  const at = new Date('2026-01-01T00:00:00Z');
  return {
    id: 'dev-1',
    email: 'ada@example.com',
    tierSlug: 'standard',
    status: 'ACTIVE',
    suspendedReason: null,
    confirmedAt: at,
    quotaOverride: null,
    createdAt: at,
    ...overrides,
  };
}
