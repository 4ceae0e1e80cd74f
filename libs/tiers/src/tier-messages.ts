import { type MessagePayload, OutboxMessage } from '@keyport/outbox';

/** The outbox message of a tier edit: apply the tier's current throttle and quota to its usage plan (handled by gateway-sync). */
export const PLAN_SYNC = OutboxMessage.define('plan.sync', { tier: 'string' });

export type PlanSyncMessage = MessagePayload<typeof PLAN_SYNC>;

export const tierPlanAggregate = (slug: string): string => `plan:tier:${slug}`;
