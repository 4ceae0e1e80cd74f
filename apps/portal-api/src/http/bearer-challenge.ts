import { type ErrorCode } from '@keyport/common';

const REALM = 'keyport';
/** Codes of a token that was sent and refused. */
const REFUSED_TOKEN: ReadonlySet<string> = new Set<ErrorCode>(['TOKEN_INVALID', 'TOKEN_EXPIRED']);
/** What RFC 6750 allows inside error_description: printable ASCII without `"` and `\`. */
const NOT_IN_DESCRIPTION = /[^\x20-\x21\x23-\x5b\x5d-\x7e]/g;

/**
 * The `WWW-Authenticate` challenge of a 401 (RFC 7235 wants one on every 401). A refused access
 * token is `invalid_token` with the body's message as description; every other 401 (no token at
 * all, a wrong password at sign-in) gets the bare challenge, as RFC 6750 §3.1 asks when the request
 * carried no token: the body's `code` says more.
 */
export function bearerChallenge(code: string, message: string): string {
  if (REFUSED_TOKEN.has(code)) {
    return `Bearer realm="${REALM}", error="invalid_token", error_description="${message.replace(NOT_IN_DESCRIPTION, ' ')}"`;
  }
  return `Bearer realm="${REALM}"`;
}
