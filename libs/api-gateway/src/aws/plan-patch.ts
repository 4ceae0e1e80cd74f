import { type PatchOperation } from '@aws-sdk/client-api-gateway';
import { type GatewayPlan, type UsagePlanSettings } from '../gateway-driver.port';

/**
 * The UpdateUsagePlan patch operations that turn `plan` into `settings` on `stages`; empty when it
 * already matches, so replaying a sync (or several queued tier edits) costs no scarce update.
 */
export function planPatch(plan: GatewayPlan, settings: UsagePlanSettings, stages: string[]): PatchOperation[] {
  const ops: PatchOperation[] = [];
  const replace = (path: string, current: string | number | undefined, wanted: string | number) => {
    if (current === undefined || String(current) !== String(wanted)) ops.push({ op: 'replace', path, value: String(wanted) });
  };
  replace('/throttle/rateLimit', plan.throttle?.rateLimit, settings.throttle.rateLimit);
  replace('/throttle/burstLimit', plan.throttle?.burstLimit, settings.throttle.burstLimit);
  replace('/quota/limit', plan.quota?.limit, settings.quota.limit);
  replace('/quota/period', plan.quota?.period, settings.quota.period);
  for (const stage of stages) {
    if (!plan.apiStages.includes(stage)) ops.push({ op: 'add', path: '/apiStages', value: stage });
  }
  for (const stage of plan.apiStages) {
    if (!stages.includes(stage)) ops.push({ op: 'remove', path: '/apiStages', value: stage });
  }
  return ops;
}
