import { type EnvReader } from './env-reader';
import { type GatewayIpRuleSettings, type SecurityAuditSettings } from './security-settings';

export function readSecurityAuditSettings(read: EnvReader): SecurityAuditSettings {
  return {
    ttlMs: read.duration('SECURITY_AUDIT_TTL', 5 * 60_000),
    intervalMs: read.duration('SECURITY_AUDIT_INTERVAL', 24 * 3_600_000),
    wafEndpoint: read.url('AWS_ENDPOINT_URL_WAFV2', ['http:', 'https:']),
  };
}

/** Null (the rule is off) unless GATEWAY_IP_RATE_LIMIT is set. */
export function readGatewayIpRule(read: EnvReader): GatewayIpRuleSettings | null {
  const mode = read.oneOf('GATEWAY_IP_RULE_MODE', ['count', 'block'] as const, 'count');
  const windowMs = read.duration('GATEWAY_IP_RATE_WINDOW', 5 * 60_000);
  if (windowMs < 1_000) read.problems.push('GATEWAY_IP_RATE_WINDOW must be at least 1s');
  if (read.string('GATEWAY_IP_RATE_LIMIT') === undefined) return null;
  return { limit: read.int('GATEWAY_IP_RATE_LIMIT', 0, 1, 100_000_000), windowMs, mode };
}
