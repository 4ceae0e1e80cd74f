import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { ApiCatalogueService } from '@keyport/api-catalogue';
import { type AppConfig } from '@keyport/config';
import { answerRouterError } from './router-errors';
import { webAppContentSecurityPolicy } from './security-headers';

/** Where `npm run build:web` writes the portal (apps/portal-web/vite.config.mts). */
const WEB_BUILD = path.join('apps', 'portal-web', 'dist');
/** The API's own paths: a GET there never answers the portal page. */
const API_PREFIXES = ['/v1', '/docs', '/health', '/metrics'];
/** Vite's placeholders in index.html (apps/portal-web/index.html and vite.config.mts). */
const SETTINGS_PLACEHOLDER = '__KEYPORT_SETTINGS__';
const NONCE_PLACEHOLDER = /KEYPORT_CSP_NONCE/g;

/**
 * Serves the developer portal, a single-page app, on the API's port: its hashed assets (cached for a
 * year), and index.html (never cached) for any other GET that asks for HTML outside the API's paths,
 * so deep links such as /keys work. Without a build, the API runs alone and says so.
 */
export async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const root = findWebBuild();
  if (!root) {
    new Logger('WebApp').warn('The portal is not built (run `npm run build:web`); serving the API only');
    return;
  }
  const page = readFileSync(path.join(root, 'index.html'), 'utf8').replace(SETTINGS_PLACEHOLDER, htmlAttribute(JSON.stringify(settingsFor(config))));
  const policy = webAppContentSecurityPolicy();
  // The APIs page's "Try it" calls the gateway from the browser.
  const catalogue = app.get(ApiCatalogueService);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root,
    // One route per file found now; the page itself is answered below, with its nonce.
    wildcard: false,
    globIgnore: ['index.html', '**/*.gz', '**/*.br'],
    index: false,
    // npm run build:web writes .br and .gz beside each asset.
    preCompressed: true,
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply, file) => {
      const hashed = path.relative(root, file).startsWith(`assets${path.sep}`);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const maxParamLength = fastify.initialConfig.maxParamLength ?? 100;
  fastify.get('/*', (request, reply) => {
    if (!wantsPage(request)) {
      // The router falls back to this route when a path parameter is over its length limit; answer
      // what it answers without this route (414), not a 404.
      if (hasLongSegment(request, maxParamLength)) {
        answerRouterError({ statusCode: 414 }, request, reply);
        return;
      }
      reply.callNotFound();
      return;
    }
    const nonce = randomBytes(18).toString('base64');
    return sendPage(reply, page.replace(NONCE_PLACEHOLDER, nonce), policy(nonce, catalogue.gatewayOrigins()));
  });
}

function sendPage(reply: FastifyReply, html: string, policy: string): FastifyReply {
  return reply.header('content-security-policy', policy).header('cache-control', 'no-cache, private').type('text/html; charset=utf-8').send(html);
}

function hasLongSegment(request: FastifyRequest, maxLength: number): boolean {
  return request.url
    .split('?')[0]
    .split('/')
    .some((segment) => segment.length > maxLength);
}

function wantsPage(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0];
  if (API_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/** What the page needs to know about this installation (read by apps/portal-web/src/app/runtime-settings.ts). */
function settingsFor(config: AppConfig): { identity: 'embedded' | 'cognito' } {
  return { identity: config.cognito.mode === 'local' ? 'embedded' : 'cognito' };
}

function htmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The build, searched upwards from this file (source or dist/) and from the working directory. */
function findWebBuild(): string | undefined {
  const ancestors = (start: string): string[] => {
    const parent = path.dirname(start);
    return parent === start ? [start] : [start, ...ancestors(parent)];
  };
  return [...ancestors(__dirname), ...ancestors(process.cwd())].map((dir) => path.join(dir, WEB_BUILD)).find((dir) => existsSync(path.join(dir, 'index.html')));
}
