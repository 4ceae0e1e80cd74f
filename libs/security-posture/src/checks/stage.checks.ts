import { finding } from '../check-catalogue';
import { type Finding } from '../finding';
import { type StageSettingsPosture, type TierPlanPosture, type WebAclPosture } from '../aws/stage-posture';

/** stage-throttling, execution-logging, access-logging, tracing, cache-encryption and waf-attached from GetStage. */
export function stageSettingsChecks(resource: string, settings: StageSettingsPosture): Finding[] {
  const logging = settings.loggingLevel && settings.loggingLevel !== 'OFF';
  return [
    settings.throttled
      ? finding('stage-throttling', 'pass', resource, 'The stage has default method throttling')
      : finding(
          'stage-throttling',
          'warn',
          resource,
          'The stage has no default method throttling: only usage plans limit callers, and not callers without a key',
        ),
    logging
      ? finding('execution-logging', 'pass', resource, `Execution logging at ${settings.loggingLevel}`)
      : finding('execution-logging', 'warn', resource, 'Execution logging is off (Security Hub APIGateway.1)'),
    settings.accessLogDestination
      ? finding('access-logging', 'pass', resource, `Access logs go to ${settings.accessLogDestination}`)
      : finding('access-logging', 'warn', resource, 'The stage has no access log destination'),
    settings.tracingEnabled
      ? finding('tracing', 'pass', resource, 'X-Ray tracing is on')
      : finding('tracing', 'warn', resource, 'X-Ray tracing is off (Security Hub APIGateway.3)'),
    settings.unencryptedCaches.length > 0
      ? finding('cache-encryption', 'fail', resource, `Caching without encryption for ${settings.unencryptedCaches.join(', ')} (Security Hub APIGateway.5)`)
      : finding('cache-encryption', 'pass', resource, 'No method caches unencrypted data'),
    settings.webAclArn
      ? finding('waf-attached', 'pass', resource, `Web ACL ${settings.webAclArn}`)
      : finding('waf-attached', 'fail', resource, 'The stage has no web ACL (webAclArn)'),
  ];
}

/** waf-rate-rule: a rate-based rule in the stage's web ACL; a rule still in count mode passes with a note. */
export function webAclChecks(resource: string, acl: WebAclPosture): Finding[] {
  if (acl.rateRules.length === 0) return [finding('waf-rate-rule', 'warn', resource, `Web ACL ${acl.name} has no rate-based rule`)];
  const counting = acl.rateRules.filter((rule) => rule.countOnly).map((rule) => rule.name);
  const names = acl.rateRules.map((rule) => rule.name).join(', ');
  return [
    finding(
      'waf-rate-rule',
      'pass',
      resource,
      counting.length > 0
        ? `Rate-based rule(s) ${names} in web ACL ${acl.name}; note: ${counting.join(', ')} only count(s) (switch to block once the counts look right)`
        : `Rate-based rule(s) ${names} in web ACL ${acl.name} block`,
    ),
  ];
}

/** stage-usage-plans: every tier's usage plan must cover the stage, or its callers go unmetered. */
export function usagePlanChecks(resource: string, tierPlans: TierPlanPosture[]): Finding[] {
  const missing = tierPlans.filter((plan) => !plan.apiStages.includes(resource));
  if (missing.length === 0) return [finding('stage-usage-plans', 'pass', resource, `Every tier's usage plan (${tierPlans.length}) covers the stage`)];
  return missing.map((plan) =>
    finding(
      'stage-usage-plans',
      'fail',
      resource,
      plan.planId ? `Tier ${plan.tier}'s usage plan ${plan.planId} does not cover the stage` : `Tier ${plan.tier} has no usage plan at the gateway`,
    ),
  );
}
