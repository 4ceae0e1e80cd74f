import { type FastifyInstance } from 'fastify';
import { errorShape } from './api-error.filter';
import { ERROR_HEADERS } from './router-errors';

/**
 * Once the server is closing, a request that still arrives on an open connection is answered 503 in
 * the one error shape (with `Retry-After`, and the connection closed) so that a load balancer or
 * client retries it on another replica. Fastify's own answer to this (`return503OnClosing`) has no
 * `code` and skips the security headers, so the adapter is built with it off and this hook replaces it.
 */
export function answerRequestsWhileClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!closing) {
      done();
      return;
    }
    void reply
      .code(503)
      .headers({ ...ERROR_HEADERS, connection: 'close', 'retry-after': '1', 'x-request-id': request.id })
      .send(errorShape(503, 'Keyport is shutting down; retry the request', 'SHUTTING_DOWN'));
  });
}
