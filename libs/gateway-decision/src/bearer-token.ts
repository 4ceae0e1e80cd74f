const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

/** The token of an `Authorization: Bearer <token>` header (RFC 6750's token68); null for anything else. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = authorization ? BEARER.exec(authorization) : null;
  return match ? match[1] : null;
}
