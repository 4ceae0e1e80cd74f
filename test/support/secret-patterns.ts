import { ADMIN_PASSWORD } from './keyport-harness';
import { KEY_SECRET } from './aws-keyport';
import { PASSWORD } from './journey';

/** Passwords and secrets the suites use; no log line may ever contain one. */
export const KNOWN_PASSWORDS = [PASSWORD, ADMIN_PASSWORD, 'Wrong-Passw0rd!', 'Load-Test-Passw0rd!', 'Scale-Out-Passw0rd!', KEY_SECRET];

/** Secrets recognised by their form: whatever suite used them, they must not be in a log. */
export const SECRET_FORMS: Array<[string, RegExp]> = [
  ['a Keyport key value', /\bkp[A-Za-z0-9]{38}\b/],
  ['a JWT (access, ID or refresh token)', /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\./],
  ['a bearer credential', /Bearer (?!\[redacted\])[A-Za-z0-9._~+/-]{8,}/i],
  ['a password field', /"(password|newPassword)":"(?!\[redacted\])/],
  ['a token field', /"(accessToken|idToken|refreshToken|token)":"(?!\[redacted\])/],
  ['a Stripe secret', /\b(sk|rk)_(live|test)_(?!\[redacted\])[A-Za-z0-9]{6,}|\bwhsec_(?!\[redacted\])[A-Za-z0-9]{6,}/],
];

/** The findings for one log text: which secret, on which line (the secret itself is never echoed). */
export function findSecrets(text: string, extraSecrets: string[] = []): string[] {
  const findings: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const [label, pattern] of SECRET_FORMS) if (pattern.test(line)) findings.push(`line ${index + 1}: ${label}`);
    for (const secret of [...KNOWN_PASSWORDS, ...extraSecrets]) if (line.includes(secret)) findings.push(`line ${index + 1}: a known password or secret`);
  });
  return findings;
}
