import { type OpenAPIObject } from '@nestjs/swagger';
import { type ErrorCode } from '@keyport/common';
import { ERROR_CODES_EXTENSION } from './api-errors.decorator';

/** Set on the operations of routes that are never rate limited (see NoRateLimit). */
export const NO_RATE_LIMIT_EXTENSION = 'x-no-rate-limit';

const ERROR_BODY = { $ref: '#/components/schemas/ErrorBodyDto' };
const HEADERS: Record<string, Record<string, { description: string; schema: { type: string } }>> = {
  '401': { 'WWW-Authenticate': { description: 'The Bearer challenge (RFC 6750): `error="invalid_token"` when a token was sent and refused', schema: { type: 'string' } } },
  '429': { 'Retry-After': { description: 'Seconds until a request is admitted again', schema: { type: 'integer' } } },
};

type Responses = Record<string, Record<string, unknown>>;

/**
 * Adds to every operation the error responses every route of its kind can answer, so none is
 * forgotten: 401 and 503 on a protected route (the token is checked against the identity
 * provider's keys), 413 and 415 on any method that carries a body, 429 unless the route is never
 * rate limited, and 500 everywhere. A status the route documents already gets the codes added.
 */
export function completeErrorResponses(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const responses = operation.responses as Responses;
      const add = (status: number, codes: ErrorCode[]) => addCodes(responses, String(status), codes);
      if ((operation.security ?? document.security ?? []).length > 0) {
        add(401, ['TOKEN_MISSING', 'TOKEN_INVALID', 'TOKEN_EXPIRED']);
        add(503, ['UNAVAILABLE']);
      }
      if (method !== 'get') {
        add(413, ['PAYLOAD_TOO_LARGE']);
        add(415, ['UNSUPPORTED_MEDIA_TYPE']);
      }
      const extensions = operation as Record<string, unknown>;
      if (extensions[NO_RATE_LIMIT_EXTENSION] === true) delete extensions[NO_RATE_LIMIT_EXTENSION];
      else add(429, ['RATE_LIMITED']);
      add(500, ['INTERNAL_ERROR']);
      for (const [status, headers] of Object.entries(HEADERS)) {
        if (responses[status]) responses[status].headers = { ...headers, ...(responses[status].headers as object | undefined) };
      }
    }
  }
}

function addCodes(responses: Responses, status: string, codes: ErrorCode[]): void {
  const response = (responses[status] ??= { description: '', content: { 'application/json': { schema: ERROR_BODY } } });
  const known = (response[ERROR_CODES_EXTENSION] as ErrorCode[] | undefined) ?? [];
  response[ERROR_CODES_EXTENSION] = [...known, ...codes.filter((code) => !known.includes(code))];
}
