import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext, forbidden, unauthenticated } from '@keyport/common';
import { AccessTokenVerifier } from '@keyport/cognito';
import { ADMIN_GROUP, ADMIN_ONLY } from './admin-only.decorator';
import { type AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/**
 * Every route is protected unless marked @Public: the Cognito access token is verified (signature,
 * issuer, token use, client, expiry) and @AdminOnly routes also need the `admin` group.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw unauthenticated('Missing bearer access token');
    const principal = await this.verifier.verify(match[1]);
    request.principal = principal;
    const isAdmin = principal.groups.includes(ADMIN_GROUP);
    RequestContext.setActor({ type: isAdmin ? 'admin' : 'developer', id: principal.userId });
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !isAdmin) {
      throw forbidden('This route is for admins');
    }
    return true;
  }
}
