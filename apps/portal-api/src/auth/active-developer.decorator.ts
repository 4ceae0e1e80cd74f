import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Developer } from '@keyport/developers';
import { type AuthenticatedRequest } from './authenticated-request';

/** The active developer behind the request, as `ActiveDeveloperGuard` found it. */
export const ActiveDeveloper = createParamDecorator((_: unknown, context: ExecutionContext): Developer => {
  const developer = context.switchToHttp().getRequest<AuthenticatedRequest>().developer;
  // A programming error, not a client's: the controller lacks @UseGuards(ActiveDeveloperGuard).
  if (!developer) throw new Error('@ActiveDeveloper() used on a route without ActiveDeveloperGuard');
  return developer;
});
