import { Injectable } from '@nestjs/common';
import { ApplicationsService } from '@keyport/applications';
import { DomainError } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { AccessTokenVerifier, type VerifiedPrincipal } from '@keyport/cognito';
import { DeveloperAccountsService } from '@keyport/developers';
import { type CallerDirectory, type GatewayDecision, type VerifiedCaller, bearerToken, decideGatewayCaller } from '@keyport/gateway-decision';

const UNAUTHORIZED: GatewayDecision = { allow: false, refusal: 'unauthorized' };

/** A decision and until when the gateway thread may reuse it for the same token (0: not at all). */
export interface TimedDecision {
  decision: GatewayDecision;
  cacheUntilMs: number;
}

/**
 * The first check of GATEWAY_AUTH=cognito, on the main thread for the gateway thread: a Cognito
 * access token of the pool (verified claims are cached until they expire), then the shared decision
 * (@keyport/gateway-decision) on the application and developer rows. The thread keeps the decision
 * until the token expires or ROW_CACHE_TTL_MS has passed, whichever is first, and drops it at once
 * when this process changes an application or a developer (see EmbeddedGatewayServer).
 */
@Injectable()
export class GatewayIdentity {
  private readonly directory: CallerDirectory;
  private readonly rowTtlMs: number;

  constructor(
    private readonly verifier: AccessTokenVerifier,
    applications: ApplicationsService,
    developers: DeveloperAccountsService,
    config: AppConfig,
  ) {
    this.rowTtlMs = config.database.rowCacheTtlMs;
    this.directory = {
      application: (clientId) => applications.callerFor(clientId),
      developerStatus: async (developerId) => (await developers.findRecent(developerId))?.status ?? null,
    };
  }

  async decide(authorization: string | undefined): Promise<TimedDecision> {
    const token = bearerToken(authorization);
    if (token === null) return { decision: UNAUTHORIZED, cacheUntilMs: 0 };
    const askedAtMs = Date.now();
    let principal: VerifiedPrincipal;
    try {
      principal = await this.verifier.verify(token);
    } catch (error) {
      // Forged, expired, of another pool or client, an ID token: API Gateway's authorizer says 401 to all. Not kept: anyone can send garbage.
      if (error instanceof DomainError) return { decision: UNAUTHORIZED, cacheUntilMs: 0 };
      throw error;
    }
    const decision = await decideGatewayCaller(verifiedCaller(principal), this.directory);
    const cacheUntilMs = this.rowTtlMs === 0 ? 0 : Math.min(principal.expiresAt * 1000, askedAtMs + this.rowTtlMs);
    return { decision, cacheUntilMs };
  }
}

function verifiedCaller(principal: VerifiedPrincipal): VerifiedCaller {
  return principal.client ? { sub: principal.userId, client: principal.client } : { sub: principal.userId };
}
