import { type IncomingMessage, type ServerResponse } from 'node:http';

/** Who an admitted request came from, passed on to the upstream. */
export interface CallerIdentity {
  keyId: string;
  developerId: string;
}

/** Where the gateway sends an admitted request: UPSTREAM_URL, or the built-in echo. */
export abstract class Upstream {
  /** Answers `response`; `caller` is null only when admission is turned off (benchmark). */
  abstract forward(request: IncomingMessage, response: ServerResponse, caller: CallerIdentity | null): void;

  close(): void {}
}

/** Headers a proxy must not pass on (hop-by-hop), plus the key itself, which the upstream never needs. */
export const STRIPPED_REQUEST_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'x-api-key',
  'x-keyport-key-id',
  'x-keyport-developer-id',
]);
