import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { tokenMissing } from '@keyport/cognito';
import { DevelopersService } from '@keyport/developers';
import { type AuthenticatedRequest } from './authenticated-request';

/**
 * For developer routes (`/v1/me*`, `/v1/keys*`, `/v1/usage`, `/v1/billing*`): finds the caller's
 * developer (created on first use) and refuses an admin-only account (403 NOT_A_DEVELOPER) or a
 * suspended developer (403 ACCOUNT_SUSPENDED). Runs after the access-token guard; the handler takes
 * the developer with `@ActiveDeveloper()`.
 */
@Injectable()
export class ActiveDeveloperGuard implements CanActivate {
  constructor(private readonly developers: DevelopersService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal) throw tokenMissing();
    request.developer = await this.developers.requireActive(request.principal);
    return true;
  }
}
