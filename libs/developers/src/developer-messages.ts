/** Outbox items of decisions about a developer's quota that the gateway has to follow (handled by gateway-sync). */
export const DeveloperOutboxType = {
  /** Add a grant's requests to one key's remaining quota this period (AWS UpdateUsage). */
  QuotaGrant: 'quota.grant',
  /** Delete a developer's own usage plan once their quota override is gone. */
  PlanCleanup: 'developer-plan.cleanup',
} as const;

export const developerPlanAggregate = (developerId: string): string => `plan:developer:${developerId}`;
