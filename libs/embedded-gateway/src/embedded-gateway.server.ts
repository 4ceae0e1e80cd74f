import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { RecentRows } from '@keyport/db';
import { GatewayCors } from './gateway-cors';
import { GatewayStateSync } from './gateway-state.sync';
import { GatewayThreadHost } from './gateway-thread.host';
import { UsageFlusher } from './usage.flusher';

/**
 * The embedded gateway on GATEWAY_PORT: a bare node:http listener (no framework on the hot path) in
 * a thread of its own (gateway-thread.ts) that admits each request in memory and hands it to the
 * upstream. This starts the thread, gives it the keys and the current periods' counts before it
 * listens, keeps it told of every change, and flushes its counts after it stops.
 */
@Injectable()
export class EmbeddedGatewayServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EmbeddedGateway');
  private port?: number;
  private corsOrigins: string[];
  private stopWatchingRows?: () => void;

  constructor(
    private readonly config: AppConfig,
    private readonly thread: GatewayThreadHost,
    private readonly sync: GatewayStateSync,
    private readonly flusher: UsageFlusher,
    private readonly recentRows: RecentRows,
  ) {
    this.corsOrigins = [...config.http.corsOrigins];
  }

  async onApplicationBootstrap(): Promise<void> {
    const { embeddedGateway, applications, http, host, gatewayIpRule } = this.config;
    this.thread.start({
      port: embeddedGateway.port,
      host,
      upstreamUrl: embeddedGateway.upstreamUrl ?? null,
      // The caller's token is Keyport's business: with identity on it never reaches the upstream.
      forwardHeaders: embeddedGateway.forwardHeaders.filter((name) => applications.gatewayAuth === 'none' || name !== 'authorization'),
      trustProxy: http.trustProxy,
      identityOn: applications.gatewayAuth === 'cognito',
      keyFromIdentity: applications.apiKeySource === 'AUTHORIZER',
      ipRule: gatewayIpRule,
      corsOrigins: this.corsOrigins,
    });
    // Synchronous, so a deletion or suspension is in force before the request that made it answers.
    this.stopWatchingRows = this.recentRows.onForget(() => this.thread.post({ type: 'callers-changed' }));
    await this.sync.start();
    await this.flusher.start();
    this.port = await this.thread.listen();
    const upstream = embeddedGateway.upstreamUrl ? 'UPSTREAM_URL' : 'the built-in echo';
    this.logger.log(`Embedded gateway on ${this.url}, forwarding to ${upstream}`);
    if (applications.gatewayAuth === 'none') {
      this.logger.warn(
        'GATEWAY_AUTH=none: the gateway admits a request on its API key alone. Keys are not authentication: anyone who knows a key can call the API.',
      );
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.port = undefined;
    this.stopWatchingRows?.();
    await this.thread.close();
    await this.sync.stop();
    await this.flusher.stop();
    await this.thread.stop();
  }

  /** Where the gateway listens (the bound port when GATEWAY_PORT is 0). */
  get url(): string {
    if (this.port === undefined) throw new Error('The embedded gateway is not listening');
    return `http://127.0.0.1:${this.port}`;
  }

  /** The portal's "Try it" calls the gateway from the browser: its origin, once the API listens on `port`. */
  allowPortal(port: number, host: string): void {
    this.corsOrigins = [...new Set([...this.corsOrigins, ...GatewayCors.portalOrigins(port, host)])];
    this.thread.post({ type: 'cors', origins: this.corsOrigins });
  }

  /** Benchmarks only: with admission off every request goes straight to the upstream; `identity` as GATEWAY_AUTH=cognito. */
  setAdmission(on: boolean, identity = this.config.applications.gatewayAuth === 'cognito'): void {
    this.thread.post({ type: 'admission', on, identity });
  }
}
