import { Agent as HttpAgent, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { GatewayResponse } from './gateway-response';
import { endToEndHeaders } from './hop-by-hop';
import { type CallerIdentity, Upstream, forwardableHeaders, requestHeadersNotForwarded } from './upstream.port';

/** API Gateway's integration timeout. */
const UPSTREAM_TIMEOUT_MS = 29_000;
const NOTHING_MORE: ReadonlySet<string> = new Set();

/**
 * Forwards admitted requests to UPSTREAM_URL over kept-alive connections, streaming both bodies.
 * The upstream learns the caller from `x-keyport-key-id`, `x-keyport-developer-id` and, with
 * GATEWAY_AUTH=cognito, `x-keyport-application-id` and `x-keyport-scopes`, never the key;
 * hop-by-hop fields are dropped both ways, the caller's Authorization and Cookie unless
 * UPSTREAM_FORWARD_HEADERS lists them. The path arrives normalised (see upstream-path.ts).
 */
export class ProxyUpstream extends Upstream {
  /** Read from `target` once: URL's getters are not free, and every request needs them. */
  private readonly origin: { protocol: string; hostname: string; port: string; host: string; basePath: string };
  private readonly agent: HttpAgent;
  private readonly send: typeof httpRequest;
  private readonly notForwarded: ReadonlySet<string>;

  /** `timeoutMs`: API Gateway's integration timeout, shorter only in tests. */
  constructor(
    upstreamUrl: string,
    forwardHeaders: readonly string[] = [],
    private readonly timeoutMs = UPSTREAM_TIMEOUT_MS,
  ) {
    super();
    this.notForwarded = requestHeadersNotForwarded(forwardHeaders);
    const target = new URL(upstreamUrl);
    const { protocol, hostname, port, host, pathname } = target;
    this.origin = { protocol, hostname, port, host, basePath: pathname.replace(/\/$/, '') };
    const https = protocol === 'https:';
    // An agent `timeout` is what makes Node honour the upstream's `Keep-Alive: timeout=N` hint (it
    // drops an idle socket a second before the upstream would). Without one, a request could go out
    // on a socket the upstream was closing, and its caller got a 502.
    const agentOptions = { keepAlive: true, maxSockets: 256, timeout: UPSTREAM_TIMEOUT_MS };
    this.agent = https ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    this.send = https ? httpsRequest : httpRequest;
  }

  forward(request: IncomingMessage, response: ServerResponse, caller: CallerIdentity | null): void {
    const { protocol, hostname, port, host, basePath } = this.origin;
    const outgoing = this.send({
      protocol,
      hostname,
      port,
      method: request.method,
      path: basePath + (request.url ?? '/'),
      headers: forwardedHeaders(request, caller, host, this.notForwarded),
      agent: this.agent,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      outgoing.destroy();
    }, this.timeoutMs);
    outgoing.on('response', (incoming) => {
      clearTimeout(timer);
      response.writeHead(incoming.statusCode ?? 502, endToEndHeaders(incoming.headers, NOTHING_MORE));
      incoming.pipe(response);
    });
    outgoing.on('error', () => {
      clearTimeout(timer);
      if (!response.headersSent) (timedOut ? GatewayResponse.upstreamTimedOut : GatewayResponse.upstreamFailed).send(response);
      else response.destroy();
    });
    response.on('close', () => {
      clearTimeout(timer);
      if (!response.writableFinished) outgoing.destroy();
    });
    request.pipe(outgoing);
  }

  override close(): void {
    this.agent.destroy();
  }
}

function forwardedHeaders(request: IncomingMessage, caller: CallerIdentity | null, host: string, notForwarded: ReadonlySet<string>): IncomingHttpHeaders {
  const headers = forwardableHeaders(request, notForwarded);
  headers.host = host;
  const forwardedFor = headers['x-forwarded-for'];
  const remote = request.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = forwardedFor ? `${String(forwardedFor)}, ${remote}` : remote;
  if (caller) {
    headers['x-keyport-key-id'] = caller.keyId;
    headers['x-keyport-developer-id'] = caller.developerId;
    if (caller.applicationId) headers['x-keyport-application-id'] = caller.applicationId;
    if (caller.scopes) headers['x-keyport-scopes'] = caller.scopes.join(' ');
  }
  return headers;
}
