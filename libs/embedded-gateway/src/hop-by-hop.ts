import { type IncomingHttpHeaders } from 'node:http';

/**
 * Fields that describe one connection, not the message, so a proxy must not forward them (RFC 9110
 * section 7.6.1), with the proxy's own credentials and challenge (sections 11.7.1 and 11.7.2),
 * which are meant for this hop alone.
 */
const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
]);

/**
 * The end-to-end fields of a message: without the hop-by-hop ones, without every field the
 * `Connection` header names (a sender may declare any field connection-specific that way), and
 * without `alsoDropped` (lower-case names).
 */
export function endToEndHeaders(headers: IncomingHttpHeaders, alsoDropped: ReadonlySet<string>): IncomingHttpHeaders {
  const named = connectionOptions(headers.connection);
  const kept: IncomingHttpHeaders = {};
  // Once per request and response through the gateway: names only, no [name, value] pairs.
  for (const name of Object.keys(headers)) {
    if (!HOP_BY_HOP.has(name) && !named.has(name) && !alsoDropped.has(name)) kept[name] = headers[name];
  }
  return kept;
}

const NONE: ReadonlySet<string> = new Set();
/** What nearly every client sends, parsed once. */
const COMMON: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['keep-alive', new Set(['keep-alive'])],
  ['close', new Set(['close'])],
]);

/** The field names listed in `Connection` (Node joins repeated headers with commas). */
function connectionOptions(value: string | string[] | undefined): ReadonlySet<string> {
  if (value === undefined) return NONE;
  const common = typeof value === 'string' ? COMMON.get(value.toLowerCase()) : undefined;
  if (common) return common;
  const joined = Array.isArray(value) ? value.join(',') : value;
  return new Set(
    joined
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter((token) => token !== ''),
  );
}
