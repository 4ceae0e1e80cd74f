/** The claims the portal reads from a Cognito access token; the API verifies the token, the page only reads it. */
export interface TokenClaims {
  groups: readonly string[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

export function readClaims(accessToken: string): TokenClaims {
  const payload = accessToken.split('.')[1] ?? '';
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { 'cognito:groups'?: unknown; exp?: unknown };
    const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].filter((g): g is string => typeof g === 'string') : [];
    return { groups, expiresAt: typeof claims.exp === 'number' ? claims.exp : 0 };
  } catch {
    return { groups: [], expiresAt: 0 };
  }
}
