import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('application settings: the gateway key source and the Lambda authorizer secret', () => {
  it('defaults to HEADER and no internal authorizer route', () => {
    const config = loadConfig({});
    expect(config.applications.apiKeySource).toBe('HEADER');
    expect(config.applications.authorizerSecret).toBeUndefined();
  });

  it('takes AUTHORIZER with identity on, and a long enough secret', () => {
    const secret = 'x'.repeat(32);
    const config = loadConfig({ GATEWAY_API_KEY_SOURCE: 'AUTHORIZER', AUTHORIZER_SECRET: secret });
    expect(config.applications).toMatchObject({ apiKeySource: 'AUTHORIZER', gatewayAuth: 'cognito', authorizerSecret: secret });
  });

  it('names a bad key source, AUTHORIZER without identity, and a short secret (without echoing it)', () => {
    expect(problems({ GATEWAY_API_KEY_SOURCE: 'header' })).toEqual(['GATEWAY_API_KEY_SOURCE must be one of HEADER, AUTHORIZER (got "header")']);
    expect(problems({ GATEWAY_API_KEY_SOURCE: 'AUTHORIZER', GATEWAY_AUTH: 'none' })).toEqual([
      expect.stringContaining('GATEWAY_API_KEY_SOURCE=AUTHORIZER needs GATEWAY_AUTH=cognito'),
    ]);
    const short = problems({ AUTHORIZER_SECRET: 'too-short-secret' });
    expect(short).toEqual(['AUTHORIZER_SECRET must be at least 32 characters']);
    expect(short.join()).not.toContain('too-short-secret');
  });
});
