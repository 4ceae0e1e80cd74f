import { type FastifyRequest } from 'fastify';
import { type VerifiedPrincipal } from '@keyport/cognito';
import { type Developer } from '@keyport/developers';

export interface AuthenticatedRequest extends FastifyRequest {
  principal?: VerifiedPrincipal;
  /** Set by ActiveDeveloperGuard on developer routes. */
  developer?: Developer;
}
