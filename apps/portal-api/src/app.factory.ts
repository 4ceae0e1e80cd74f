import { type DynamicModule, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { RequestContext } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { EmbeddedGatewayServer } from '@keyport/embedded-gateway';
import { PinoNestLogger } from '@keyport/observability';
import { AppModule } from './app.module';
import { hardenHttp } from './http/http-hardening';
import { InputScreenPipe } from './http/input-screen.pipe';
import { installJsonBodyParser } from './http/json-body.parser';
import { createOpenApiDocument } from './http/openapi-document';
import { requestIdOf } from './http/request-id';
import { answerRequestsWhileClosing } from './http/closing-requests';
import { answerRouterError } from './http/router-errors';
import { createValidationPipe } from './http/validation.pipe';
import { serveWebApp } from './http/web-app';

const BODY_LIMIT_BYTES = 64 * 1024;

/** Makes the Nest application; tests pass one that overrides providers (a clock they move, a failing gateway). */
export type AppCreator = (module: DynamicModule, adapter: FastifyAdapter, options: NestApplicationOptions) => Promise<NestFastifyApplication>;

const nestCreate: AppCreator = (module, adapter, options) => NestFactory.create<NestFastifyApplication>(module, adapter, options);

/** Builds the HTTP application (not listening yet); used by main.ts and by the end-to-end tests. */
export async function createApp(config: AppConfig, create: AppCreator = nestCreate): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    // Fastify takes a hop count too; the adapter's option type leaves the number out.
    trustProxy: config.http.trustProxy as boolean | string[],
    // Replaced by answerRequestsWhileClosing: the same 503, in the one error shape.
    return503OnClosing: false,
    frameworkErrors: answerRouterError,
  });
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest declares its options as a class and reads them as a plain object
  const app = await create(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    // Keyport's own JSON parser (installed below) replaces Nest's JSON and form parsers.
    bodyParser: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  const fastify = app.getHttpAdapter().getInstance();
  answerRequestsWhileClosing(fastify);
  // A JSON API: any other body is a 415, not a string or form handed to validation.
  installJsonBodyParser(fastify, BODY_LIMIT_BYTES);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    RequestContext.run({ requestId: request.id, actor: { type: 'anonymous' } }, done);
  });
  await hardenHttp(app, config);
  // The screen first: validation and its transformation only ever see well-formed text.
  app.useGlobalPipes(new InputScreenPipe(), createValidationPipe());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  await serveWebApp(app, config);
  if (config.gatewayDriver === 'local') letPortalCallGateway(app, config);
  return app;
}

/** The portal's "Try it" calls the embedded gateway from the browser: its origin is known once the API listens. */
function letPortalCallGateway(app: NestFastifyApplication, config: AppConfig): void {
  const gateway = app.get(EmbeddedGatewayServer);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onListen', function (done) {
      const address = this.server.address();
      if (address !== null && typeof address === 'object') gateway.allowPortal(address.port, config.host);
      done();
    });
}

function setUpOpenApi(app: NestFastifyApplication): void {
  // Built on the first request for it, not at every start.
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
