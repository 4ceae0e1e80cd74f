import { type MessagePayload, OutboxMessage } from '@keyport/outbox';

/**
 * The outbox messages of decisions about a developer that others have to follow: the quota ones by
 * the gateway (gateway-sync), `developer.deleted` by billing (ends any subscription at once).
 */
export const DeveloperOutboxType = {
  /** The account is deleted (DeveloperDeletionService); `deletedAt` is an ISO date-time. */
  Deleted: OutboxMessage.define('developer.deleted', { developerId: 'string', deletedAt: 'string' }),
  /** Add a grant's requests to one key's remaining quota this period (AWS UpdateUsage). */
  QuotaGrant: OutboxMessage.define('quota.grant', { grantId: 'string', keyId: 'string', requests: 'number' }),
  /** Delete a developer's own usage plan once their quota override is gone. */
  PlanCleanup: OutboxMessage.define('developer-plan.cleanup', { developerId: 'string' }),
} as const;

export type DeveloperDeletedMessage = MessagePayload<typeof DeveloperOutboxType.Deleted>;
export type QuotaGrantMessage = MessagePayload<typeof DeveloperOutboxType.QuotaGrant>;
export type DeveloperPlanCleanupMessage = MessagePayload<typeof DeveloperOutboxType.PlanCleanup>;

export const developerPlanAggregate = (developerId: string): string => `plan:developer:${developerId}`;
export const developerAggregate = (developerId: string): string => `developer:${developerId}`;
