/** Outbox items of admin decisions that the gateway has to follow. */
export const AdminOutboxType = {
  /** Add a grant's requests to one key's remaining quota this period (AWS UpdateUsage). */
  QuotaGrant: 'quota.grant',
  /** Delete a developer's own usage plan once their quota override is gone. */
  DeveloperPlanCleanup: 'developer-plan.cleanup',
} as const;

export const developerPlanAggregate = (developerId: string): string => `plan:developer:${developerId}`;
