/**
 * Secrets that must never reach a log line, recognised by their form wherever they appear (a
 * message, an error's text, a field value): Keyport key values, JWTs (Cognito access, ID and
 * refresh tokens), bearer credentials and Stripe secrets. Field names (`password`, ...) are
 * handled by pino's `redact` paths; this catches the same secrets embedded in free text.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/\bkp[A-Za-z0-9]{38}\b/g, 'kp[redacted]'],
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){1,3}/g, '[redacted jwt]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/\b(sk|rk)_(live|test)_[A-Za-z0-9]+/g, '$1_$2_[redacted]'],
  [/\bwhsec_[A-Za-z0-9+/=]+/g, 'whsec_[redacted]'],
];

const QUICK_CHECK = /kp|eyJ|bearer|basic|sk_|rk_|whsec_/i;

export function scrubSecrets(text: string): string {
  if (!QUICK_CHECK.test(text)) return text;
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/**
 * Scrubs a log object: a field whose name says it holds a secret (`password`, `authorization`, ...)
 * is replaced at any depth, and every other string is scrubbed by form. Bounded depth: log objects
 * are small and shallow. This one walk replaces pino's wildcard `redact` paths (`*.*.password`),
 * which cost more CPU than the rest of a request's log line and only reached the first three levels.
 */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  if (value instanceof Error) return scrubValue({ type: value.name, message: value.message, stack: value.stack }, depth + 1);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_FIELDS.has(key.toLowerCase()) && item !== undefined && item !== null ? REDACTED : scrubValue(item, depth + 1);
  }
  return copy;
}

export const REDACTED = '[redacted]';

/** Field names whose values are secrets, wherever they appear in a log object (any case). */
export const SECRET_FIELD_NAMES = [
  'password',
  'newPassword',
  'token',
  'accessToken',
  'idToken',
  'refreshToken',
  'session',
  'authorization',
  'cookie',
  'secret',
  'apiKey',
  'x-api-key',
  'keyValue',
  'value',
  'sealedValue',
  'clientSecret',
  'webhookSecret',
  'stripe-signature',
];

const SECRET_FIELDS = new Set(SECRET_FIELD_NAMES.map((name) => name.toLowerCase()));
