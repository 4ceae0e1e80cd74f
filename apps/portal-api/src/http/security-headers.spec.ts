import { describe, expect, it } from 'vitest';
import { securityHeaders, webAppContentSecurityPolicy } from './security-headers';

describe('securityHeaders', () => {
  it('holds what helmet sets with Keyport options', () => {
    const headers = securityHeaders();
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("script-src 'self';");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(Object.keys(headers).length).toBeGreaterThanOrEqual(10);
  });

  it('lets Swagger UI run its inline bootstrap on /docs only', () => {
    expect(securityHeaders('docs')['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  });

  it("gives the portal page a policy that admits inline scripts and styles only with that response's nonce", () => {
    const policy = webAppContentSecurityPolicy()('n0nce');
    expect(policy).toContain("script-src 'self' 'nonce-n0nce'");
    expect(policy).toContain("style-src 'self' 'nonce-n0nce'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it("lets the portal page call the gateway's origin and nothing else besides its own", () => {
    const policy = webAppContentSecurityPolicy()('n0nce', ['http://127.0.0.1:3001', "https://evil.example; script-src 'unsafe-inline'"]);
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:3001");
    expect(policy).not.toContain('evil');
    expect(webAppContentSecurityPolicy()('n0nce')).not.toContain('connect-src');
  });
});
