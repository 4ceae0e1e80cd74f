/**
 * Outbox items of decisions about a developer that others have to follow: the quota ones by the
 * gateway (gateway-sync), `developer.deleted` by billing (ends any subscription at once).
 */
export const DeveloperOutboxType = {
  /** Payload DeveloperDeletedMessage: the account is deleted (DeveloperDeletionService). */
  Deleted: 'developer.deleted',
  /** Add a grant's requests to one key's remaining quota this period (AWS UpdateUsage). */
  QuotaGrant: 'quota.grant',
  /** Delete a developer's own usage plan once their quota override is gone. */
  PlanCleanup: 'developer-plan.cleanup',
} as const;

export const developerPlanAggregate = (developerId: string): string => `plan:developer:${developerId}`;

/** The payload of a `developer.deleted` item (a type alias, so that it is a Record the outbox accepts). */
export type DeveloperDeletedMessage = {
  developerId: string;
  /** ISO date-time of the deletion. */
  deletedAt: string;
};

export const developerAggregate = (developerId: string): string => `developer:${developerId}`;
