import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { type GatewayDecision } from '@keyport/gateway-decision';
import { Metrics } from '@keyport/observability';
import { Admission } from './admission';
import { ClientIp } from './client-ip';
import { GatewayCors } from './gateway-cors';
import { GatewayIdentity } from './gateway-identity';
import { GatewayResponse } from './gateway-response';
import { GatewayStateSync } from './gateway-state.sync';
import { IpRateRule } from './ip-rate-rule';
import { normalisedTarget } from './upstream-path';
import { Upstream } from './upstream.port';
import { UsageFlusher } from './usage.flusher';

// Large enough that an oversize x-api-key reaches admission (a 403, like API Gateway) rather than Node's 431.
const MAX_HEADER_BYTES = 64 * 1024;
const CLOSE_GRACE_MS = 2_000;

/**
 * The embedded gateway's listener on GATEWAY_PORT: a bare node:http server (no framework on the
 * hot path) that admits each request in memory and hands it to the upstream. It starts once the
 * keys and the current periods' counts are loaded, and flushes the counts after it stops.
 */
@Injectable()
export class EmbeddedGatewayServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EmbeddedGateway');
  private server?: Server;
  private admissionOn = true;
  private readonly clientIp: ClientIp;
  private identityOn: boolean;
  /** GATEWAY_API_KEY_SOURCE=AUTHORIZER: the key comes from the caller's identity, never from x-api-key. */
  private readonly keyFromIdentity: boolean;

  constructor(
    private readonly config: AppConfig,
    private readonly admission: Admission,
    private readonly sync: GatewayStateSync,
    private readonly flusher: UsageFlusher,
    private readonly upstream: Upstream,
    private readonly metrics: Metrics,
    private readonly ipRule: IpRateRule,
    private readonly identity: GatewayIdentity,
    private readonly cors: GatewayCors,
  ) {
    this.clientIp = new ClientIp(config.http.trustProxy);
    this.identityOn = config.applications.gatewayAuth === 'cognito';
    this.keyFromIdentity = config.applications.apiKeySource === 'AUTHORIZER';
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sync.start();
    await this.flusher.start();
    const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (request, response) => this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.embeddedGateway.port, this.config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const upstream = this.config.embeddedGateway.upstreamUrl ? 'UPSTREAM_URL' : 'the built-in echo';
    this.logger.log(`Embedded gateway on ${this.url}, forwarding to ${upstream}`);
    if (this.config.applications.gatewayAuth === 'none') {
      this.logger.warn(
        'GATEWAY_AUTH=none: the gateway admits a request on its API key alone. Keys are not authentication: anyone who knows a key can call the API.',
      );
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await closeGracefully(server);
    this.upstream.close();
    await this.sync.stop();
    await this.flusher.stop();
  }

  /** Where the gateway listens (the bound port when GATEWAY_PORT is 0). */
  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The embedded gateway is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Benchmarks only: with admission off every request goes straight to the upstream; `identity` as GATEWAY_AUTH=cognito. */
  setAdmission(on: boolean, identity = this.config.applications.gatewayAuth === 'cognito'): void {
    this.admissionOn = on;
    this.identityOn = identity;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    // Before admission: a path that would leave UPSTREAM_URL's prefix is never counted nor forwarded.
    const target = normalisedTarget(request.url);
    if (target === null) return this.refuse(request, response, GatewayResponse.badRequest);
    request.url = target;
    // A browser's preflight carries no key nor token: answered before admission, never counted.
    if (this.cors.answer(request, response)) return;
    if (!this.admissionOn) return this.upstream.forward(request, response, null);
    // Like a WAF in front of API Gateway: before any key or token work.
    if (this.ipRule.enabled && this.ipRule.observe(this.clientIp.of(request)) === 'blocked')
      return this.refuse(request, response, GatewayResponse.ipRuleBlocked);
    if (this.identityOn) {
      // A reused token with its rows at hand is decided without a promise; anything else takes the async way.
      const decision = this.identity.decideNow(request.headers.authorization);
      if (decision) return this.admitIdentified(request, response, decision);
      return void this.admitWithIdentity(request, response);
    }
    const admitted = this.admission.check(request.headers['x-api-key']);
    if (admitted instanceof GatewayResponse) return this.refuse(request, response, admitted);
    this.metrics.gatewayAdmission('admitted');
    this.upstream.forward(request, response, admitted);
  }

  /**
   * GATEWAY_AUTH=cognito: the token first (401), then the key as API Gateway checks it, and it must be
   * the caller's own (403); with GATEWAY_API_KEY_SOURCE=AUTHORIZER the key is the caller's (403 when they have none).
   */
  private async admitWithIdentity(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let decision;
    try {
      decision = await this.identity.decide(request.headers.authorization);
    } catch (error) {
      this.logger.warn(`Gateway identity check failed: ${(error as Error).message}`);
      this.refuse(request, response, GatewayResponse.upstreamFailed);
      return;
    }
    this.admitIdentified(request, response, decision);
  }

  private admitIdentified(request: IncomingMessage, response: ServerResponse, decision: GatewayDecision): void {
    if (!decision.allow) {
      this.refuse(request, response, decision.refusal === 'unauthorized' ? GatewayResponse.unauthorized : GatewayResponse.forbidden);
      return;
    }
    const admitted = this.keyFromIdentity ? this.admission.checkFor(decision) : this.admission.check(request.headers['x-api-key'], decision.developerId);
    if (admitted instanceof GatewayResponse) {
      this.refuse(request, response, admitted);
      return;
    }
    this.metrics.gatewayAdmission('admitted');
    this.upstream.forward(request, response, {
      keyId: admitted.keyId,
      developerId: admitted.developerId,
      applicationId: decision.applicationId,
      scopes: decision.scopes,
    });
  }

  private refuse(request: IncomingMessage, response: ServerResponse, refusal: GatewayResponse): void {
    this.metrics.gatewayAdmission(REFUSAL_OUTCOME.get(refusal) ?? 'refused');
    request.resume();
    refusal.send(response);
  }
}

const REFUSAL_OUTCOME = new Map<GatewayResponse, string>([
  [GatewayResponse.badRequest, 'bad_request'],
  [GatewayResponse.unauthorized, 'unauthorized'],
  [GatewayResponse.forbidden, 'forbidden'],
  [GatewayResponse.keyMissing, 'forbidden'],
  [GatewayResponse.personNotMetered, 'forbidden'],
  [GatewayResponse.ipRuleBlocked, 'ip_rule_blocked'],
  [GatewayResponse.throttled, 'throttled'],
  [GatewayResponse.quotaExceeded, 'quota_exceeded'],
]);

/** Stops accepting, lets requests in flight finish for a moment, then cuts what is left. */
function closeGracefully(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
