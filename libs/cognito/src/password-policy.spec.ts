import { describe, expect, it } from 'vitest';
import { passwordPolicyViolations } from './password-policy';

describe('passwordPolicyViolations (Cognito default policy)', () => {
  it('accepts a password meeting every rule', () => {
    expect(passwordPolicyViolations('Str0ng!Passw0rd')).toEqual([]);
    expect(passwordPolicyViolations('Has Space1a')).toEqual([]); // an inner space counts as a symbol
  });

  it('lists every rule broken', () => {
    expect(passwordPolicyViolations('Ab1!').map((d) => d.message)).toEqual(['must be at least 8 characters long']);
    expect(passwordPolicyViolations(' Abcdef1! ').map((d) => d.message)).toEqual(['must not begin or end with a space']);
    expect(passwordPolicyViolations('ABCDEFGH').map((d) => d.message)).toEqual([
      'must contain a lowercase letter',
      'must contain a number',
      'must contain a special character',
    ]);
  });
});
