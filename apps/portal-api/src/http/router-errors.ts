import { type FastifyReply, type FastifyRequest } from 'fastify';
import { errorShape } from './api-error.filter';
import { frameworkMessage } from './framework-messages';
import { securityHeaders } from './security-headers';

/** An error body's headers where Fastify answers before Nest's filter and its hooks' headers. */
export const ERROR_HEADERS = { ...securityHeaders(), 'content-type': 'application/json; charset=utf-8' };

/**
 * Fastify's `frameworkErrors`: what its router finds before a route, and so before Nest's filter,
 * exists (a malformed percent-encoding, a path parameter over the length limit). Answered in the
 * one error shape, without echoing the path.
 */
export function answerRouterError(error: { statusCode?: number }, request: FastifyRequest, reply: FastifyReply): void {
  const statusCode = error.statusCode === 414 ? 414 : 400;
  void reply
    .code(statusCode)
    .headers({ ...ERROR_HEADERS, 'x-request-id': request.id })
    .send(errorShape(statusCode, frameworkMessage(statusCode), statusCode === 414 ? 'URI_TOO_LONG' : 'MALFORMED_URL'));
}
