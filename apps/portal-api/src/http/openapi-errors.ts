import { STATUS_CODES } from 'node:http';
import { type OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@keyport/common';
import { ERROR_CODES_EXTENSION } from './api-errors.decorator';

/** Set on the operations of routes that are never rate limited (see NoRateLimit). */
export const NO_RATE_LIMIT_EXTENSION = 'x-no-rate-limit';

type Response = Record<string, unknown>;
type Responses = Record<string, Response>;

/** The error responses many operations share, defined once under `components.responses`. */
const SHARED: Record<string, { status: number; codes: ErrorCode[]; headers?: Response }> = {
  Unauthenticated: {
    status: 401,
    codes: ['TOKEN_MISSING', 'TOKEN_INVALID', 'TOKEN_EXPIRED'],
    headers: {
      'WWW-Authenticate': {
        description: 'The Bearer challenge (RFC 6750): `error="invalid_token"` when a token was sent and refused',
        schema: { type: 'string' },
      },
    },
  },
  InvalidBody: { status: 400, codes: ['VALIDATION_FAILED', 'BODY_TOO_DEEP'] },
  PayloadTooLarge: { status: 413, codes: ['PAYLOAD_TOO_LARGE'] },
  UnsupportedMediaType: { status: 415, codes: ['UNSUPPORTED_MEDIA_TYPE'] },
  RateLimited: {
    status: 429,
    codes: ['RATE_LIMITED'],
    headers: { 'Retry-After': { description: 'Seconds until a request is admitted again', schema: { type: 'integer', minimum: 0 } } },
  },
  InternalError: { status: 500, codes: ['INTERNAL_ERROR'] },
  Unavailable: { status: 503, codes: ['UNAVAILABLE', 'SHUTTING_DOWN'] },
};

/**
 * Adds to every operation the error responses every route of its kind can answer, so none is
 * forgotten: 401 on a protected route, 503 everywhere (a protected route's token is checked against
 * the identity provider's keys; any replica may be shutting down), 400 (a body nested too deep), 413 and 415 on any method that carries a body, 429 unless the route is never
 * rate limited, and 500 everywhere. An operation without its own answer for the status refers to
 * the shared one; one that documents the status already gets the shared codes added. Then every
 * error response is described: its status, and each code it can carry with what it means.
 */
export function completeErrorResponses(document: OpenAPIObject): void {
  const components = (document.components ??= {});
  const shared = (components.responses ??= {}) as unknown as Responses;
  for (const [name, { status, codes, headers }] of Object.entries(SHARED)) shared[name] = { ...errorResponse(status, codes), ...(headers ? { headers } : {}) };

  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const responses = operation.responses as Responses;
      const add = (name: keyof typeof SHARED) => {
        const { status, codes, headers } = SHARED[name];
        const own = responses[status] as Response | undefined;
        if (!own) responses[status] = { $ref: `#/components/responses/${name}` };
        else if (!('$ref' in own)) Object.assign(own, { [ERROR_CODES_EXTENSION]: union(own, codes) }, headers ? { headers } : {});
      };
      if (((operation as { security?: unknown[] }).security ?? document.security ?? []).length > 0) add('Unauthenticated');
      // Any route: a replica that is shutting down answers what still reaches it with 503.
      add('Unavailable');
      if (method !== 'get') {
        add('InvalidBody');
        add('PayloadTooLarge');
        add('UnsupportedMediaType');
      }
      const extensions = operation as Record<string, unknown>;
      if (extensions[NO_RATE_LIMIT_EXTENSION] === true) delete extensions[NO_RATE_LIMIT_EXTENSION];
      else add('RateLimited');
      add('InternalError');
      for (const [status, response] of Object.entries(responses)) {
        const codes = response[ERROR_CODES_EXTENSION] as ErrorCode[] | undefined;
        if (codes) response.description = describe(Number(status), codes);
      }
    }
  }
}

function errorResponse(status: number, codes: ErrorCode[]): Response {
  const content = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } };
  return { description: describe(status, codes), content, [ERROR_CODES_EXTENSION]: codes };
}

function describe(status: number, codes: ErrorCode[]): string {
  return `${STATUS_CODES[status] ?? 'Error'}. Codes:\n${codes.map((code) => `- \`${code}\`: ${ERROR_CODES[code]}`).join('\n')}`;
}

function union(response: Response, codes: ErrorCode[]): ErrorCode[] {
  const known = (response[ERROR_CODES_EXTENSION] as ErrorCode[] | undefined) ?? [];
  return [...known, ...codes.filter((code) => !known.includes(code))];
}
