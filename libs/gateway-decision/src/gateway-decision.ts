/**
 * Who may call the API through the gateway, decided from a verified access token. One function for
 * the embedded gateway and the Lambda authorizer (apps/authorizer): each verifies the token its own
 * way and answers the two look-ups from where it stands (memory and the database; Keyport's
 * internal route). Plain TypeScript with no imports, so the Lambda bundle stays small.
 */

/** The claims the decision needs, from a token already verified (signature, issuer, expiry, token_use). */
export interface VerifiedCaller {
  /** `sub`: the user's id, or for a client_credentials token the client id. */
  sub: string;
  /** Present for a client_credentials token (no user): the client and the scopes granted. */
  client?: { clientId: string; scopes: readonly string[] };
  /** The user's scopes (a person's token), empty otherwise. */
  scopes?: readonly string[];
}

export interface CallerDirectory {
  /** The live application behind a client id; null when deleted or never Keyport's. */
  application(clientId: string): Promise<{ applicationId: string; developerId: string; kind: 'APPLICATION' | 'SERVICE_ACCOUNT' } | null>;
  /** The developer's status (`ACTIVE`, `SUSPENDED`, `PENDING`, `DELETED`); null when there is no such developer. Only `ACTIVE` is let through. */
  developerStatus(developerId: string): Promise<string | null>;
}

export type GatewayDecision =
  | { allow: true; developerId: string; applicationId: string | null; scopes: string[] }
  /** `unauthorized`: no identity Keyport accepts (401); `forbidden`: known, but not allowed now (403). */
  | { allow: false; refusal: 'unauthorized' | 'forbidden' };

const UNAUTHORIZED = { allow: false, refusal: 'unauthorized' } as const;
const FORBIDDEN = { allow: false, refusal: 'forbidden' } as const;

export async function decideGatewayCaller(caller: VerifiedCaller, directory: CallerDirectory): Promise<GatewayDecision> {
  let developerId = caller.sub;
  let applicationId: string | null = null;
  let scopes = [...(caller.scopes ?? [])];
  if (caller.client) {
    const application = await directory.application(caller.client.clientId);
    // Deleted (refused at once, not at expiry), never Keyport's, or a service account (for /v1/admin only).
    if (!application || application.kind !== 'APPLICATION') return UNAUTHORIZED;
    developerId = application.developerId;
    applicationId = application.applicationId;
    scopes = [...caller.client.scopes];
  }
  const status = await directory.developerStatus(developerId);
  // A person who never became a developer (an admin) has no keys to call with.
  if (status === null) return UNAUTHORIZED;
  if (status !== 'ACTIVE') return FORBIDDEN;
  return { allow: true, developerId, applicationId, scopes };
}
