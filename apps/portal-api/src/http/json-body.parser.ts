import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { DomainError, ErrorKind, invalid } from '@keyport/common';

/** Deepest nesting of objects and arrays a body may have; far beyond any Keyport request. */
export const MAX_JSON_DEPTH = 32;
export const BODY_TOO_DEEP = 'BODY_TOO_DEEP';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A request whose exact body bytes are kept: Stripe's webhook signature covers them. */
export type WithRawBody = FastifyRequest & { rawBody?: Buffer };

/**
 * The API's only body parser, in place of Fastify's and Nest's (which also take form bodies).
 * Every body must be JSON: another media type, or bytes that are not JSON text whatever type they
 * claim, is a 415; nesting deeper than MAX_JSON_DEPTH is a 400 found by a scan of the bytes before
 * anything parses or transforms them (class-transformer recurses once per level and a 64 KiB body
 * can nest 32,000 levels); keys that would reach an object's prototype are a 400.
 * The raw bytes stay on the request as `rawBody`.
 */
export function installJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    try {
      done(null, parseJsonBody(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/** The one route that also takes YAML: an OpenAPI document uploaded to the API catalogue. */
const YAML_ROUTE = /^\/v1\/admin\/apis\/[^/?#]+\/?(?:[?#]|$)/;
const YAML_MEDIA_TYPE = /^(?:application|text)\/(?:x-)?yaml$/;

function parseJsonBody(request: WithRawBody, body: Buffer): unknown {
  request.rawBody = body;
  if (request.method === 'PUT' && YAML_ROUTE.test(request.url) && isYamlMediaType(request.headers['content-type'])) return yamlText(body);
  if (!isJsonMediaType(request.headers['content-type'])) throw notJson();
  if (body.length === 0) return undefined;
  if (nestingDepth(body) > MAX_JSON_DEPTH) {
    throw new DomainError(ErrorKind.ValidationFailed, `The body nests deeper than ${MAX_JSON_DEPTH} levels`, { code: BODY_TOO_DEEP });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(body));
  } catch {
    throw notJson();
  }
  const poisoned = prototypeKeyIn(parsed, '');
  if (poisoned !== undefined) throw invalid('Invalid request', [{ field: poisoned, message: 'is not an allowed property name' }]);
  return parsed;
}

/** `application/json` or a `+json` type, in UTF-8 (the only encoding JSON allows between systems). */
function isJsonMediaType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (!JSON_MEDIA_TYPE.test(type)) return false;
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

function isYamlMediaType(header: string | undefined): boolean {
  const [type = ''] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  return YAML_MEDIA_TYPE.test(type);
}

/** YAML stays text here; the API catalogue parses it (with the `yaml` package) and says what is wrong. */
function yamlText(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw notJson();
  }
}

/** Shaped like Fastify's own 415, so the error filter answers it as every other unsupported body. */
function notJson(): Error {
  return Object.assign(new Error('The body is not JSON'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]

/** The deepest nesting of `{`/`[` outside strings; stops counting once past the limit. */
export function nestingDepth(bytes: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return deepest;
}

/** The path of a `__proto__` key, or of `constructor.prototype`, anywhere in the value (depth is bounded). */
function prototypeKeyIn(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const field = path === '' ? key : `${path}.${key}`;
    if (key === '__proto__') return field;
    if (key === 'constructor' && typeof child === 'object' && child !== null && 'prototype' in child) return `${field}.prototype`;
    const found = prototypeKeyIn(child, field);
    if (found !== undefined) return found;
  }
  return undefined;
}
