/** Outbox item of a tier edit: apply the tier's current throttle and quota to its usage plan (handled by gateway-sync). */
export const PLAN_SYNC = 'plan.sync';

export const tierPlanAggregate = (slug: string): string => `plan:tier:${slug}`;
