/** The embedded gateway's WAF-style rule: requests per client IP per window, counted or blocked. */
export interface GatewayIpRuleSettings {
  /** GATEWAY_IP_RATE_LIMIT: requests one client IP may make per window. */
  limit: number;
  /** GATEWAY_IP_RATE_WINDOW (default 5m). */
  windowMs: number;
  /** GATEWAY_IP_RULE_MODE: `count` admits and counts what is over the limit (the default, as a new WAF rule should run first); `block` refuses it with 403. */
  mode: 'count' | 'block';
}

export interface SecurityAuditSettings {
  /** SECURITY_AUDIT_TTL: how long a computed audit is served before it is read again (default 5m). */
  ttlMs: number;
  /** SECURITY_AUDIT_INTERVAL: how often the worker audits and keeps the result (default 24h; 0: never). */
  intervalMs: number;
  /** AWS_ENDPOINT_URL_WAFV2 (the SDK's standard name): another WAFv2 endpoint (tests, emulators). */
  wafEndpoint?: string;
}
