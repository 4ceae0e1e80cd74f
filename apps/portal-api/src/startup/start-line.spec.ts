import { describe, expect, it } from 'vitest';
import { loadConfig } from '@keyport/config';
import { confirmationCodesPlace, showsStartLine, startLine } from './start-line';

const config = (env: Record<string, string> = {}) => loadConfig({ DATA_DIR: '/tmp/kp-start-line', ...env });

describe('the start line', () => {
  it('names the API, the docs, the gateway and where confirmation codes appear, on localhost for a wildcard host', () => {
    const line = startLine({ host: '0.0.0.0', apiPort: 3000, gatewayPort: 3001, confirmationCodes: confirmationCodesPlace(config(), true) });
    expect(line).toBe(
      'Keyport API on http://localhost:3000 · docs http://localhost:3000/docs · gateway http://localhost:3001 · ' +
        'sign-up confirmation codes: printed in this log as "Code for <e-mail> ..." (embedded Cognito sends no e-mail)',
    );
  });

  it('names a specific host as given, and leaves out what does not apply (AWS driver, a real pool)', () => {
    const real = config({ COGNITO_USER_POOL_ID: 'eu-west-1_abc', COGNITO_CLIENT_ID: 'client' });
    expect(confirmationCodesPlace(real, false)).toBeUndefined();
    expect(startLine({ host: '::1', apiPort: 8080, confirmationCodes: confirmationCodesPlace(real, false) })).toBe(
      'Keyport API on http://[::1]:8080 · docs http://[::1]:8080/docs',
    );
  });

  it('points at LOG_FILE when the log goes there, and at the admin route when codes are not logged', () => {
    expect(confirmationCodesPlace(config({ LOG_FILE: '/var/log/keyport.log' }), true)).toContain('printed in /var/log/keyport.log');
    expect(confirmationCodesPlace(config({ LOG_LEVEL: 'warn' }), true)).toContain('POST /v1/admin/developers/{id}/confirm');
    expect(confirmationCodesPlace(config({ NODE_ENV: 'production', KEY_ENCRYPTION_SECRET: 'x'.repeat(32) }), false)).toContain('not shown');
  });

  it('is written on a terminal, or at info level and more verbose', () => {
    expect(showsStartLine(config({ LOG_LEVEL: 'info' }), false)).toBe(true);
    expect(showsStartLine(config({ LOG_LEVEL: 'warn' }), false)).toBe(false);
    expect(showsStartLine(config({ LOG_LEVEL: 'silent' }), true)).toBe(true);
  });
});
