import { type FastifyRequest } from 'fastify';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { type Developer } from '@keyport/developers';

export interface AuthenticatedRequest extends FastifyRequest {
  principal?: VerifiedPrincipal;
  /** The verified bearer token itself, for the calls Cognito makes with it (change password, sign out everywhere). */
  accessToken?: string;
  /** Set by ActiveDeveloperGuard on developer routes. */
  developer?: Developer;
}
