import { type Finding, type FindingStatus, type Layer, type Severity } from './finding';

export interface CheckDefinition {
  layer: Layer;
  severity: Severity;
  /** What to change when the check does not pass. */
  fix: string;
}

/**
 * Every check the audit runs, by its id (a contract: outside tools key on these ids; add freely,
 * never rename). The README explains each one with this fix.
 */
export const CHECKS = {
  'method-authorization': {
    layer: 'authentication',
    severity: 'critical',
    fix: 'Give the method an authorizer (COGNITO_USER_POOLS, AWS_IAM or a Lambda authorizer); an API key identifies a plan, it does not authenticate a caller',
  },
  'method-api-key': {
    layer: 'rate-limiting',
    severity: 'medium',
    fix: 'Set apiKeyRequired on the method so a usage plan meters and throttles every call',
  },
  'cognito-scopes': {
    layer: 'authorization',
    severity: 'medium',
    fix: 'Set authorizationScopes on the method: without scopes API Gateway accepts Cognito ID tokens, not only access tokens',
  },
  'stage-usage-plans': {
    layer: 'rate-limiting',
    severity: 'high',
    fix: "Run `npm run gateway:bootstrap` (or `npm run gateway:reconcile`) so every tier's usage plan covers every stage in API_STAGES",
  },
  'stage-throttling': {
    layer: 'rate-limiting',
    severity: 'medium',
    fix: 'Set default method throttling on the stage (methodSettings */* throttlingRateLimit and throttlingBurstLimit)',
  },
  'waf-attached': {
    layer: 'waf',
    severity: 'high',
    fix: 'Associate an AWS WAF web ACL with the stage (wafv2 AssociateWebACL)',
  },
  'waf-rate-rule': {
    layer: 'waf',
    severity: 'medium',
    fix: 'Add a rate-based rule to the web ACL; run it in count mode first, then switch it to block',
  },
  'tls-policy': {
    layer: 'encryption',
    severity: 'high',
    fix: "Set the custom domain's securityPolicy to TLS_1_2",
  },
  'backend-tls-verification': {
    layer: 'encryption',
    severity: 'high',
    fix: 'Remove tlsConfig.insecureSkipVerification from the integration and give the backend a certificate API Gateway trusts',
  },
  'execute-api-endpoint': {
    layer: 'network-isolation',
    severity: 'medium',
    fix: 'Set disableExecuteApiEndpoint on the API so callers can reach it only through the custom domain',
  },
  'resource-policy': {
    layer: 'network-isolation',
    severity: 'high',
    fix: 'Attach a resource policy that limits callers (aws:SourceVpce for a PRIVATE API, aws:SourceIp or aws:SourceVpc otherwise)',
  },
  'execution-logging': {
    layer: 'logging',
    severity: 'low',
    fix: 'Turn on execution logging for the stage (methodSettings */* loggingLevel INFO or ERROR)',
  },
  'access-logging': {
    layer: 'logging',
    severity: 'low',
    fix: "Set the stage's access log destination (accessLogSettings.destinationArn)",
  },
  tracing: {
    layer: 'logging',
    severity: 'low',
    fix: 'Turn on X-Ray tracing for the stage (tracingEnabled)',
  },
  'cache-encryption': {
    layer: 'encryption',
    severity: 'medium',
    fix: 'Set cacheDataEncrypted on every cached method of the stage (methodSettings cacheDataEncrypted true)',
  },
  'api-stage-exists': {
    layer: 'rate-limiting',
    severity: 'high',
    fix: 'Correct API_STAGES: it names an API or stage that API Gateway does not hold',
  },
  'gateway-auth-mode': {
    layer: 'authentication',
    severity: 'critical',
    fix: 'Set GATEWAY_AUTH=cognito so the embedded gateway requires an access token as well as a key',
  },
  'gateway-ip-rule': {
    layer: 'waf',
    severity: 'medium',
    fix: 'Set GATEWAY_IP_RATE_LIMIT (and GATEWAY_IP_RATE_WINDOW); watch it in GATEWAY_IP_RULE_MODE=count, then switch to block',
  },
  'gateway-transport': {
    layer: 'encryption',
    severity: 'medium',
    fix: 'Point UPSTREAM_URL at an https:// backend, or keep the upstream on a private network',
  },
} as const satisfies Record<string, CheckDefinition>;

export type CheckId = keyof typeof CHECKS;

/** A finding of `check` with the check's layer, severity and fix (no fix on a pass). */
export function finding(check: CheckId, status: FindingStatus, resource: string, message: string): Finding {
  const definition: CheckDefinition = CHECKS[check];
  return { layer: definition.layer, check, status, severity: definition.severity, resource, message, fix: status === 'pass' ? '' : definition.fix };
}
