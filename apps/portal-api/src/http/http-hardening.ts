import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig } from '@keyport/config';
import { Metrics, RootLogger } from '@keyport/observability';
import { securityHeaders } from './security-headers';

/**
 * What every response goes through besides the route: security headers, the CORS allow-list, one
 * log line and one latency observation per request (by route pattern, never the raw URL, so
 * metrics stay bounded and no query string reaches the log).
 */
export async function hardenHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const headers = securityHeaders();
  const docsHeaders = securityHeaders('docs');
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.url.startsWith('/docs') ? docsHeaders : headers);
    done();
  });
  const origins = config.http.corsOrigins;
  if (origins.length > 0) {
    app.enableCors({
      origin: origins.includes('*') ? true : origins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after', 'www-authenticate'],
      maxAge: 600,
    });
  }

  const metrics = app.get(Metrics);
  const log = app.get(RootLogger).pino.child({ context: 'HTTP' });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    metrics.httpRequest(request.method, route, status, reply.elapsedTime / 1000);
    if (log.isLevelEnabled('info')) {
      const fields = {
        requestId: request.id,
        method: request.method,
        route,
        path: request.url.split('?')[0],
        status,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      };
      if (status >= 500) log.error(fields, 'request failed');
      else log.info(fields, 'request');
    }
    done();
  });
}
