import type { ErrorDetail } from '@keyport/common';

/** Cognito's password policy fields (the default policy of a new user pool below). */
export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

export const COGNITO_DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

/** The special characters Cognito counts as symbols (a space inside the password counts too). */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-'.split(''));

/**
 * What is wrong with a password under a policy, as Cognito would judge it; empty when it passes.
 * cognito-local enforces no policy, so the adapter applies this one against the emulator.
 */
export function passwordPolicyViolations(password: string, policy: PasswordPolicy = COGNITO_DEFAULT_PASSWORD_POLICY): ErrorDetail[] {
  const problems: string[] = [];
  if (password.length < policy.minimumLength) problems.push(`must be at least ${policy.minimumLength} characters long`);
  if (password.length > 256) problems.push('must be at most 256 characters long');
  if (password !== password.trim()) problems.push('must not begin or end with a space');
  if (policy.requireUppercase && !/[A-Z]/.test(password)) problems.push('must contain an uppercase letter');
  if (policy.requireLowercase && !/[a-z]/.test(password)) problems.push('must contain a lowercase letter');
  if (policy.requireNumbers && !/[0-9]/.test(password)) problems.push('must contain a number');
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are what the symbol set holds
  if (policy.requireSymbols && ![...password.trim()].some((c) => SYMBOLS.has(c) || c === ' ')) {
    problems.push('must contain a special character');
  }
  return problems.map((message) => ({ field: 'password', message }));
}
