import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type CallerIdentity, Upstream, forwardableHeaders, requestHeadersNotForwarded } from './upstream.port';

const MAX_ECHOED_BODY_BYTES = 64 * 1024;

/** The upstream of the embedded default: answers JSON describing the request, so the gateway works alone. */
export class EchoUpstream extends Upstream {
  private readonly notForwarded: ReadonlySet<string>;

  /** `forwardHeaders`: UPSTREAM_FORWARD_HEADERS, so the echo shows what a real upstream would receive. */
  constructor(forwardHeaders: readonly string[] = []) {
    super();
    this.notForwarded = requestHeadersNotForwarded(forwardHeaders);
  }

  forward(request: IncomingMessage, response: ServerResponse, caller: CallerIdentity | null): void {
    const chunks: Buffer[] = [];
    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => {
      if (bodyBytes < MAX_ECHOED_BODY_BYTES) chunks.push(chunk);
      bodyBytes += chunk.length;
    });
    request.on('end', () => {
      const url = request.url ?? '/';
      const queryAt = url.indexOf('?');
      const body = JSON.stringify({
        method: request.method,
        path: queryAt === -1 ? url : url.slice(0, queryAt),
        query: queryAt === -1 ? {} : Object.fromEntries(new URLSearchParams(url.slice(queryAt + 1))),
        headers: forwardableHeaders(request, this.notForwarded),
        body: bodyBytes === 0 ? null : Buffer.concat(chunks).subarray(0, MAX_ECHOED_BODY_BYTES).toString('utf8'),
        bodyBytes,
        keyId: caller?.keyId ?? null,
        developerId: caller?.developerId ?? null,
        applicationId: caller?.applicationId ?? null,
        scopes: caller?.scopes ?? null,
      });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  }
}
