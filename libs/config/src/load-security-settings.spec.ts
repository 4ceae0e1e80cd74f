import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('loadConfig: the security audit and the gateway IP rule', () => {
  it('defaults: no IP rule, audits kept 5 minutes and run daily', () => {
    const config = loadConfig({});
    expect(config.gatewayIpRule).toBeNull();
    expect(config.securityAudit).toEqual({ ttlMs: 300_000, intervalMs: 86_400_000, wafEndpoint: undefined });
  });

  it('reads the IP rule in count mode by default, and block mode', () => {
    expect(loadConfig({ GATEWAY_IP_RATE_LIMIT: '2000' }).gatewayIpRule).toEqual({ limit: 2000, windowMs: 300_000, mode: 'count' });
    expect(loadConfig({ GATEWAY_IP_RATE_LIMIT: '10', GATEWAY_IP_RATE_WINDOW: '1m', GATEWAY_IP_RULE_MODE: 'block' }).gatewayIpRule).toEqual({
      limit: 10,
      windowMs: 60_000,
      mode: 'block',
    });
  });

  it('names every bad value', () => {
    const bad = () =>
      loadConfig({
        GATEWAY_IP_RATE_LIMIT: '0',
        GATEWAY_IP_RULE_MODE: 'deny',
        GATEWAY_IP_RATE_WINDOW: '500ms',
        GATEWAY_AUTH: 'basic',
        SECURITY_AUDIT_TTL: 'soon',
        AWS_ENDPOINT_URL_WAFV2: 'ftp://x',
      });
    expect(bad).toThrow(ConfigError);
    const message = (() => {
      try {
        bad();
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    for (const name of [
      'GATEWAY_IP_RATE_LIMIT',
      'GATEWAY_IP_RULE_MODE',
      'GATEWAY_IP_RATE_WINDOW',
      'GATEWAY_AUTH',
      'SECURITY_AUDIT_TTL',
      'AWS_ENDPOINT_URL_WAFV2',
    ])
      expect(message).toContain(name);
  });
});
