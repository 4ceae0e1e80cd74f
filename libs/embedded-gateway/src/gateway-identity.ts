import { Injectable } from '@nestjs/common';
import { ApplicationsService } from '@keyport/applications';
import { DomainError } from '@keyport/common';
import { AccessTokenVerifier } from '@keyport/cognito';
import { DeveloperAccountsService } from '@keyport/developers';
import { type CallerDirectory, type GatewayDecision, decideGatewayCaller } from '@keyport/gateway-decision';

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
    applications: ApplicationsService,
    developers: DeveloperAccountsService,
  ) {
    this.directory = {
      application: (clientId) => applications.callerFor(clientId),
      developerStatus: async (developerId) => (await developers.findRecent(developerId))?.status ?? null,
    };
  }

  async decide(authorization: string | undefined): Promise<GatewayDecision> {
    const match = authorization ? BEARER.exec(authorization) : null;
    if (!match) return UNAUTHORIZED;
    let principal;
    try {
      principal = await this.verifier.verify(match[1]);
    } catch (error) {
      // Forged, expired, of another pool or client, an ID token: API Gateway's authorizer says 401 to all.
      if (error instanceof DomainError) return UNAUTHORIZED;
      throw error;
    }
    return decideGatewayCaller({ sub: principal.userId, ...(principal.client ? { client: principal.client } : {}) }, this.directory);
  }
}
