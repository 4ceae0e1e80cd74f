import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives the embedded default with no environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.embeddedDatabase).toBe(true);
    expect(config.cognito.mode).toBe('local');
    expect(config.gatewayDriver).toBe('local');
    expect(config.maxKeysPerDeveloper).toBe(5);
    expect(config.embeddedGateway).toEqual({ port: 3001, upstreamUrl: undefined, forwardHeaders: [], publicUrl: undefined });
  });

  it('takes GATEWAY_PUBLIC_URL without its trailing slash and refuses one that is not http(s)', () => {
    expect(loadConfig({ GATEWAY_PUBLIC_URL: 'https://api.example.com/' }).embeddedGateway.publicUrl).toBe('https://api.example.com');
    expect(() => loadConfig({ GATEWAY_PUBLIC_URL: 'ftp://api.example.com' })).toThrow(/GATEWAY_PUBLIC_URL must use http: or https:/);
  });

  it('switches to a real pool and PostgreSQL from configuration', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://u:p@db:5432/keyport',
      COGNITO_USER_POOL_ID: 'eu-west-1_abc',
      COGNITO_CLIENT_ID: 'client',
      AWS_REGION: 'eu-west-1',
    });
    expect(config.embeddedDatabase).toBe(false);
    expect(config.cognito).toMatchObject({ mode: 'aws', region: 'eu-west-1', userPoolId: 'eu-west-1_abc', clientId: 'client' });
  });

  it('names every bad variable at once, without echoing secrets', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        GATEWAY_DRIVER: 'gcp',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        COGNITO_USER_POOL_ID: 'pool',
        ADMIN_EMAIL: 'a@b.c',
        KEY_ENCRYPTION_SECRET: 'short',
        GATEWAY_PORT: '70000',
        UPSTREAM_URL: 'ftp://upstream',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of [
        'PORT',
        'GATEWAY_DRIVER',
        'DATABASE_URL',
        'COGNITO_CLIENT_ID',
        'ADMIN_PASSWORD',
        'KEY_ENCRYPTION_SECRET',
        'GATEWAY_PORT',
        'UPSTREAM_URL',
      ]) {
        expect(message).toContain(name);
      }
      expect(message).not.toContain('hunter2');
      expect(message).not.toContain('short');
    }
  });
});
