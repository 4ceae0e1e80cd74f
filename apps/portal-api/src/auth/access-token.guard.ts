import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext, forbidden } from '@keyport/common';
import { AccessTokenVerifier, tokenInvalid, tokenMissing } from '@keyport/cognito';
import { ADMIN_GROUP, ADMIN_ONLY } from './admin-only.decorator';
import { type AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';
import { ServiceAccountAdmission } from './service-account.admission';

/** RFC 6750's b64token after the (case-insensitive) scheme. */
const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;
const BEARER_SCHEME = /^Bearer(\s|$)/i;

/**
 * Every route is protected unless marked @Public: the Cognito access token is verified (signature,
 * issuer, token use, client, expiry) and @AdminOnly routes also need the `admin` group. An
 * application's token (client_credentials) passes only on @AdminOnly routes, for a service account
 * with the scope the method needs (see service-account.admission.ts).
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly serviceAccounts: ServiceAccountAdmission,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const authorization = request.headers.authorization ?? '';
    // No credentials, or another scheme: RFC 6750 calls that missing. A bearer that is not a token is invalid.
    if (!BEARER_SCHEME.test(authorization)) throw tokenMissing();
    const match = BEARER.exec(authorization);
    if (!match) throw tokenInvalid();
    const principal = await this.verifier.verify(match[1]);
    request.principal = principal;
    request.accessToken = match[1];
    if (principal.client)
      return this.serviceAccounts.admit(principal.client, request.method, this.reflector.getAllAndOverride<boolean | undefined>(ADMIN_ONLY, targets) === true);
    const isAdmin = principal.groups.includes(ADMIN_GROUP);
    RequestContext.setActor({ type: isAdmin ? 'admin' : 'developer', id: principal.userId });
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !isAdmin) {
      throw forbidden('This route is for admins', 'NOT_AN_ADMIN');
    }
    return true;
  }
}
