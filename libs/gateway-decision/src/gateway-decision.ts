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

export interface CallerApplication {
  applicationId: string;
  developerId: string;
  kind: 'APPLICATION' | 'SERVICE_ACCOUNT';
}

/** Who is calling, once the token's application (if any) is known. */
export interface IdentifiedCaller {
  developerId: string;
  applicationId: string | null;
  scopes: string[];
}

export interface CallerDirectory {
  /** The live application behind a client id; null when deleted or never Keyport's. */
  application(clientId: string): Promise<CallerApplication | null>;
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
  const application = caller.client ? await directory.application(caller.client.clientId) : null;
  const who = identifyCaller(caller, application);
  if (!who) return UNAUTHORIZED;
  return admitCaller(who, await directory.developerStatus(who.developerId));
}

/** The caller a token names, given its application's row (null: none, or a person's token); null when Keyport accepts no such caller (401). */
export function identifyCaller(caller: VerifiedCaller, application: CallerApplication | null): IdentifiedCaller | null {
  if (!caller.client) return { developerId: caller.sub, applicationId: null, scopes: [...(caller.scopes ?? [])] };
  // Deleted (refused at once, not at expiry), never Keyport's, or a service account (for /v1/admin only).
  if (!application || application.kind !== 'APPLICATION') return null;
  return { developerId: application.developerId, applicationId: application.applicationId, scopes: [...caller.client.scopes] };
}

/** The decision on an identified caller, given their developer's status. */
export function admitCaller(who: IdentifiedCaller, status: string | null): GatewayDecision {
  // A person who never became a developer (an admin) has no keys to call with.
  if (status === null) return UNAUTHORIZED;
  if (status !== 'ACTIVE') return FORBIDDEN;
  return { allow: true, ...who };
}
