import { CHECKS, type CheckId, finding } from '../check-catalogue';
import { type Finding } from '../finding';
import { type StagePosture, isDenied } from '../aws/stage-posture';
import { integrationChecks, methodChecks } from './method.checks';
import { domainChecks, resourcePolicyChecks } from './network.checks';
import { stageSettingsChecks, usagePlanChecks, webAclChecks } from './stage.checks';
import { withRead } from './check-helpers';

const STAGE_CHECKS: CheckId[] = ['stage-throttling', 'execution-logging', 'access-logging', 'tracing', 'cache-encryption', 'waf-attached'];
const AWS_CHECKS = (Object.keys(CHECKS) as CheckId[]).filter((check) => !check.startsWith('gateway-') && check !== 'api-stage-exists');

/** Every AWS check on one stage of API_STAGES. */
export function auditStage(posture: StagePosture): Finding[] {
  const resource = `${posture.restApiId}:${posture.stage}`;
  if (!posture.exists) {
    return [finding('api-stage-exists', 'fail', resource, `API Gateway holds no stage ${posture.stage} of API ${posture.restApiId}; nothing else was checked`)];
  }
  const api = isDenied(posture.api) ? null : posture.api;
  const findings: Finding[] = [
    finding('api-stage-exists', 'pass', resource, api ? `API ${api.name} (${api.endpointTypes.join('/')})` : 'The stage exists'),
    ...withRead(['method-authorization', 'method-api-key', 'cognito-scopes', 'backend-tls-verification'], resource, posture.methods, (methods) => [
      ...methodChecks(posture.restApiId, resource, methods),
      ...integrationChecks(posture.restApiId, resource, methods),
    ]),
    ...withRead(['stage-usage-plans'], resource, posture.tierPlans, (plans) => usagePlanChecks(resource, plans)),
    ...withRead(STAGE_CHECKS, resource, posture.settings, (settings) => stageSettingsChecks(resource, settings)),
    ...webAclFindings(resource, posture),
    ...withRead(['tls-policy', 'execute-api-endpoint'], resource, posture.domains, (domains) => domainChecks(resource, api, domains)),
    ...withRead(['resource-policy'], resource, posture.api, (restApi) => resourcePolicyChecks(restApi)),
  ];
  // A check that had nothing to look at (an API read refused) still appears, so none goes missing silently.
  for (const check of AWS_CHECKS) {
    if (!findings.some((f) => f.check === check)) findings.push(finding(check, 'warn', resource, 'Not checked: what it needs could not be read'));
  }
  return findings;
}

function webAclFindings(resource: string, posture: StagePosture): Finding[] {
  if (posture.webAcl === null) {
    const why = isDenied(posture.settings) ? 'the stage could not be read' : 'no web ACL is attached';
    return [finding('waf-rate-rule', 'warn', resource, `No rate-based rule: ${why}`)];
  }
  return withRead(['waf-rate-rule'], resource, posture.webAcl, (acl) => webAclChecks(resource, acl));
}
