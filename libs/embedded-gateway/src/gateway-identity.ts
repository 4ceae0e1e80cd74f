import { Injectable } from '@nestjs/common';
import { ApplicationsService } from '@keyport/applications';
import { DomainError } from '@keyport/common';
import { AccessTokenVerifier, type VerifiedPrincipal } from '@keyport/cognito';
import { DeveloperAccountsService } from '@keyport/developers';
import { type CallerDirectory, type GatewayDecision, type VerifiedCaller, admitCaller, decideGatewayCaller, identifyCaller } from '@keyport/gateway-decision';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;
const UNAUTHORIZED: GatewayDecision = { allow: false, refusal: 'unauthorized' };

/**
 * The first check of GATEWAY_AUTH=cognito: a Cognito access token of the pool (verified claims are
 * cached until they expire), then the shared decision (@keyport/gateway-decision) on rows read at most
 * ROW_CACHE_TTL_MS ago; a deletion or suspension made in this process is seen at once.
 */
@Injectable()
export class GatewayIdentity {
  private readonly directory: CallerDirectory;

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly applications: ApplicationsService,
    private readonly developers: DeveloperAccountsService,
  ) {
    this.directory = {
      application: (clientId) => applications.callerFor(clientId),
      developerStatus: async (developerId) => (await developers.findRecent(developerId))?.status ?? null,
    };
  }

  /**
   * The decision without a promise when everything it needs is at hand (a token verified before, rows
   * read within the TTL): what a client reusing its token gets on nearly every request. Undefined
   * otherwise: then `decide`. Both read the same caches, so they never disagree.
   */
  decideNow(authorization: string | undefined): GatewayDecision | undefined {
    const token = bearerToken(authorization);
    if (token === null) return UNAUTHORIZED;
    const principal = this.verifier.verifiedBefore(token);
    if (!principal) return undefined;
    const caller = verifiedCaller(principal);
    let application = null;
    if (caller.client) {
      application = this.applications.peekCallerFor(caller.client.clientId);
      if (!application) return undefined; // not at hand, or none (never kept): `decide` finds out
    }
    const who = identifyCaller(caller, application);
    if (!who) return UNAUTHORIZED;
    const developer = this.developers.peekRecent(who.developerId);
    return developer ? admitCaller(who, developer.status) : undefined;
  }

  async decide(authorization: string | undefined): Promise<GatewayDecision> {
    const token = bearerToken(authorization);
    if (token === null) return UNAUTHORIZED;
    let principal;
    try {
      principal = await this.verifier.verify(token);
    } catch (error) {
      // Forged, expired, of another pool or client, an ID token: API Gateway's authorizer says 401 to all.
      if (error instanceof DomainError) return UNAUTHORIZED;
      throw error;
    }
    return decideGatewayCaller(verifiedCaller(principal), this.directory);
  }
}

function bearerToken(authorization: string | undefined): string | null {
  const match = authorization ? BEARER.exec(authorization) : null;
  return match ? match[1] : null;
}

function verifiedCaller(principal: VerifiedPrincipal): VerifiedCaller {
  return principal.client ? { sub: principal.userId, client: principal.client } : { sub: principal.userId };
}
