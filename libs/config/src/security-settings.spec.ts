import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('loadConfig: security settings', () => {
  it('defaults to 10 sign-in attempts per 15 minutes, no forwarded credentials, no cognito-local in production', () => {
    const config = loadConfig({});
    expect(config.authLockout).toEqual({ attempts: 10, windowMs: 15 * 60_000 });
    expect(config.embeddedGateway.forwardHeaders).toEqual([]);
    expect(config.cognito.allowLocalInProduction).toBe(false);
  });

  it('reads them', () => {
    const config = loadConfig({
      AUTH_LOCKOUT_ATTEMPTS: '5',
      AUTH_LOCKOUT_WINDOW: '1h',
      UPSTREAM_FORWARD_HEADERS: 'Authorization, cookie,authorization',
      ALLOW_EMBEDDED_COGNITO_IN_PRODUCTION: 'true',
    });
    expect(config.authLockout).toEqual({ attempts: 5, windowMs: 3_600_000 });
    expect(config.embeddedGateway.forwardHeaders).toEqual(['authorization', 'cookie']);
    expect(config.cognito.allowLocalInProduction).toBe(true);
  });

  it('names what is wrong', () => {
    let message = '';
    try {
      loadConfig({ AUTH_LOCKOUT_ATTEMPTS: '0', AUTH_LOCKOUT_WINDOW: 'a while', UPSTREAM_FORWARD_HEADERS: 'authorization,x-api-key,proxy-authorization' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/AUTH_LOCKOUT_ATTEMPTS must be a whole number from 1/);
    expect(message).toMatch(/AUTH_LOCKOUT_WINDOW must be a duration/);
    expect(message).toMatch(/UPSTREAM_FORWARD_HEADERS may list only authorization, cookie \(got "x-api-key, proxy-authorization"\)/);
  });
});
