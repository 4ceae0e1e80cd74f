import { type FastifyRequest } from 'fastify';
import { type VerifiedPrincipal } from '@keyport/cognito';

export interface AuthenticatedRequest extends FastifyRequest {
  principal?: VerifiedPrincipal;
}
