import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { tokenMissing, type VerifiedPrincipal } from '@keyport/cognito';
import { type AuthenticatedRequest } from './authenticated-request';

/** The verified caller of a protected route. */
export const Principal = createParamDecorator((_: unknown, context: ExecutionContext): VerifiedPrincipal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw tokenMissing();
  return principal;
});
