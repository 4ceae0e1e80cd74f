import { STATUS_CODES } from 'node:http';

/**
 * What the API says for the failures the framework finds before any route runs. Fastify's and
 * Nest's own messages quote the request (`Cannot GET /the/path`, `'/%E0' is not a valid url
 * component`, the content type sent): an API must not echo its input into error bodies, so each
 * status has one fixed message instead.
 */
const MESSAGE_BY_STATUS: Partial<Record<number, string>> = {
  400: 'Malformed request',
  404: 'No route matches this method and path',
  405: 'Method not allowed on this route',
  408: 'The request took too long to arrive',
  413: 'The body is larger than the API accepts (64 KiB)',
  414: 'The URL, or one of its path parameters, is too long',
  415: 'The body must be JSON, sent as Content-Type: application/json',
  431: 'The request headers are too large',
};

export function frameworkMessage(statusCode: number): string {
  return MESSAGE_BY_STATUS[statusCode] ?? STATUS_CODES[statusCode] ?? 'Request refused';
}
