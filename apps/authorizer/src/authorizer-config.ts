/** The Lambda authorizer's environment (README "Lambda authorizer"), read once per cold start. */
export interface AuthorizerConfig {
  /** KEYPORT_INTERNAL_URL: where Keyport's internal route answers (no trailing slash). */
  keyportUrl: string;
  /** AUTHORIZER_SECRET: the shared secret Keyport was given too. */
  secret: string;
  /** COGNITO_ISSUER: the user pool's issuer (`https://cognito-idp.<region>.amazonaws.com/<pool id>`). */
  issuer: string;
  /** COGNITO_JWKS_URL: where the pool's keys are, when not at the issuer's well-known path. */
  jwksUrl: string;
  /** AUTHORIZER_CACHE_TTL_SECONDS: how long Keyport's answers are kept (default 30, 0 to 300). */
  cacheTtlMs: number;
}

/** Throws one error naming every bad variable, as Keyport's own config does. */
export function readAuthorizerConfig(env: Record<string, string | undefined>): AuthorizerConfig {
  const problems: string[] = [];
  const url = (name: string): string => {
    const raw = env[name]?.trim() ?? '';
    try {
      const parsed = new URL(raw);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('protocol');
      return raw.replace(/\/+$/, '');
    } catch {
      problems.push(`${name} must be an http(s) URL`);
      return '';
    }
  };
  const keyportUrl = url('KEYPORT_INTERNAL_URL');
  const issuer = url('COGNITO_ISSUER');
  const jwksUrl = env.COGNITO_JWKS_URL ? url('COGNITO_JWKS_URL') : `${issuer}/.well-known/jwks.json`;
  const secret = env.AUTHORIZER_SECRET ?? '';
  if (secret.length < 32) problems.push('AUTHORIZER_SECRET must be at least 32 characters (the value Keyport is given)');
  const ttlRaw = env.AUTHORIZER_CACHE_TTL_SECONDS ?? '30';
  const ttl = /^\d+$/.test(ttlRaw) ? Number(ttlRaw) : NaN;
  if (!(ttl >= 0 && ttl <= 300)) problems.push('AUTHORIZER_CACHE_TTL_SECONDS must be a whole number of seconds from 0 to 300');
  if (problems.length > 0) throw new Error(`Invalid authorizer configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { keyportUrl, secret, issuer, jwksUrl, cacheTtlMs: ttl * 1000 };
}
