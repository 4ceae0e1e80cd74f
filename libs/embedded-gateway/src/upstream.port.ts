import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { endToEndHeaders } from './hop-by-hop';

/** Who an admitted request came from, passed on to the upstream. */
export interface CallerIdentity {
  keyId: string;
  developerId: string;
  /** With GATEWAY_AUTH=cognito: the application whose token came (null for a person's). */
  applicationId?: string | null;
  /** With GATEWAY_AUTH=cognito: the token's scopes. */
  scopes?: readonly string[];
}

/** Where the gateway sends an admitted request: UPSTREAM_URL, or the built-in echo. */
export abstract class Upstream {
  /** Answers `response`; `caller` is null only when admission is turned off (benchmark). */
  abstract forward(request: IncomingMessage, response: ServerResponse, caller: CallerIdentity | null): void;

  close(): void {}
}

/** Fields the upstream never gets from the caller: the key itself, the identity fields the gateway sets, Host. */
const GATEWAY_OWN = ['host', 'x-api-key', 'x-keyport-key-id', 'x-keyport-developer-id', 'x-keyport-application-id', 'x-keyport-scopes'];
/** Credentials for the gateway's own host, passed on only when UPSTREAM_FORWARD_HEADERS lists them. */
const WITHHELD_CREDENTIALS = ['authorization', 'cookie'];

/** What the caller sent that the upstream must not receive, given the credentials it may receive. */
export function requestHeadersNotForwarded(forwarded: readonly string[]): ReadonlySet<string> {
  return new Set([...GATEWAY_OWN, ...WITHHELD_CREDENTIALS.filter((name) => !forwarded.includes(name))]);
}

/** The caller's headers as the upstream receives them (hop-by-hop ones removed too, see hop-by-hop.ts). */
export function forwardableHeaders(request: IncomingMessage, notForwarded: ReadonlySet<string>): IncomingHttpHeaders {
  return endToEndHeaders(request.headers, notForwarded);
}
