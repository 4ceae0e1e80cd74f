import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('loadConfig: production settings', () => {
  it('reads Redis, CORS, proxy, rate limits, timeouts and metrics settings', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      CORS_ORIGINS: 'https://app.example.com, http://localhost:5173/',
      TRUST_PROXY: '10.0.0.0/8,127.0.0.1',
      RATE_LIMIT_AUTH_MAX: '5',
      RATE_LIMIT_USER_MAX: '50',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      SHUTDOWN_TIMEOUT_MS: '5000',
      METRICS_TOKEN: 'a-long-scrape-token',
    });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(config.http.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(config.http.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(config.rateLimits).toEqual({ windowSeconds: 10, authMax: 5, userMax: 50 });
    expect(config.http.shutdownTimeoutMs).toBe(5000);
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({}).http.corsOrigins).toEqual([]);
  });

  it('names each bad variable and what is wrong with it', () => {
    const bad = {
      REDIS_URL: 'http://cache:6379',
      CORS_ORIGINS: 'https://ok.example.com,not-an-origin,https://x.example.com/path',
      TRUST_PROXY: 'the balancer',
      RATE_LIMIT_USER_MAX: '0',
      HTTP_REQUEST_TIMEOUT_MS: 'soon',
      METRICS_TOKEN: 'short',
    };
    let message = '';
    try {
      loadConfig(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/REDIS_URL must use redis: or rediss:/);
    expect(message).toMatch(/CORS_ORIGINS .*not-an-origin/);
    expect(message).toMatch(/CORS_ORIGINS .*https:\/\/x\.example\.com\/path/);
    expect(message).toMatch(/TRUST_PROXY must be/);
    expect(message).toMatch(/RATE_LIMIT_USER_MAX must be a whole number from 1/);
    expect(message).toMatch(/HTTP_REQUEST_TIMEOUT_MS must be a whole number/);
    expect(message).toMatch(/METRICS_TOKEN must be at least 16 characters/);
    expect(message).not.toContain('short');
  });
});
