import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { Admission } from './admission';
import { CallerDecisions } from './caller-decisions';
import { EchoUpstream } from './echo.upstream';
import { GatewayClock } from './gateway-clock';
import { GatewayCors } from './gateway-cors';
import { GatewayRequestPath } from './gateway-request-path';
import { GatewayState } from './gateway-state';
import { type FromGatewayThread, type GatewayThreadSettings, type ToGatewayThread } from './gateway-thread.protocol';
import { IpRateRule } from './ip-rate-rule';
import { ProxyUpstream } from './proxy.upstream';
import { type Upstream } from './upstream.port';
import { UsageLedger } from './usage-ledger';
import { UtcCalendar } from './utc-calendar';

// Large enough that an oversize x-api-key reaches admission (a 403, like API Gateway) rather than Node's 431.
const MAX_HEADER_BYTES = 64 * 1024;
const CLOSE_GRACE_MS = 2_000;

/** What the main thread gives the gateway thread at its start (worker_threads' workerData). */
export interface GatewayThreadData {
  settings: GatewayThreadSettings;
  /** Both ways: ToGatewayThread in, FromGatewayThread out. */
  port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: the main thread adds 1 after each message it posts. */
  posted: Int32Array;
}

/**
 * The embedded gateway's own thread: its listener, keys, buckets, counts and upstream connections,
 * away from the API's main thread (which pays async-context tracking and a large heap on every
 * callback). The main thread posts every change; before each request the thread compares the posted
 * counter with what it has read and, when the main thread has posted since, takes those messages
 * synchronously. So a change is in force for every request that arrives after the main thread
 * posted it: a revocation before the revoking request is answered, as on one thread.
 */
export class GatewayThread {
  private readonly clock = new GatewayClock();
  private readonly ledger = new UsageLedger();
  private readonly state = new GatewayState(this.ledger, this.clock);
  private readonly admission = new Admission(this.state, new UtcCalendar(), this.clock);
  private readonly callers: CallerDecisions;
  private readonly upstream: Upstream;
  private readonly path: GatewayRequestPath;
  private cors: GatewayCors;
  private readonly admissions = new Map<string, number>();
  private readonly ipRuleMatches = new Map<string, number>();
  private server?: Server;
  private read = 0;

  constructor(
    private readonly settings: GatewayThreadSettings,
    private readonly port: MessagePort,
    private readonly posted: Int32Array,
  ) {
    this.cors = new GatewayCors(settings.corsOrigins);
    this.callers = new CallerDecisions((id, authorization) => this.send({ type: 'decide', id, authorization }), this.clock);
    this.upstream = settings.upstreamUrl ? new ProxyUpstream(settings.upstreamUrl, settings.forwardHeaders) : new EchoUpstream(settings.forwardHeaders);
    const ipRule = new IpRateRule(settings.ipRule, this.clock, {
      matched: (mode) => increment(this.ipRuleMatches, mode),
      warn: (message) => this.send({ type: 'warn', context: 'GatewayIpRule', message }),
    });
    this.path = new GatewayRequestPath(settings, this.admission, this.callers, this.upstream, ipRule, () => this.cors, {
      outcome: (outcome) => increment(this.admissions, outcome),
      warn: (message) => this.send({ type: 'warn', context: 'EmbeddedGateway', message }),
    });
  }

  start(): void {
    this.port.on('message', (message: ToGatewayThread) => this.apply(message));
  }

  private catchUp(): void {
    const posted = Atomics.load(this.posted, 0);
    if (posted === this.read) return;
    // Read first: a message posted while these are taken is caught up with at the next request.
    this.read = posted;
    for (let taken = receiveMessageOnPort(this.port); taken; taken = receiveMessageOnPort(this.port)) this.apply(taken.message as ToGatewayThread);
  }

  private apply(message: ToGatewayThread): void {
    switch (message.type) {
      case 'keys':
        return this.state.replace(message.rows);
      case 'revoke':
        return this.state.forget(message.keyId);
      case 'callers-changed':
        return this.callers.forgetAll();
      case 'decided':
        return this.callers.answered(message.id, message.decision, message.cacheUntilMs);
      case 'flushed':
        return this.ledger.markFlushed(message.increments);
      case 'recounted':
        return this.ledger.replaceFlushed(message.rows);
      case 'cors':
        this.cors = new GatewayCors(message.origins);
        return;
      case 'admission':
        return this.path.setAdmission(message.on, message.identity);
      case 'collect':
        return this.collect(message.id);
      case 'listen':
        return this.listen();
      case 'close':
        return void this.close();
    }
  }

  private collect(id: number): void {
    const admissions = [...this.admissions];
    const ipRuleMatches = [...this.ipRuleMatches];
    this.admissions.clear();
    this.ipRuleMatches.clear();
    this.send({ type: 'collected', id, increments: this.ledger.pendingIncrements(), admissions, ipRuleMatches });
  }

  private listen(): void {
    const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (request, response) => {
      this.catchUp();
      this.path.handle(request, response);
    });
    server.once('error', (error) => this.send({ type: 'listen-failed', message: error.message }));
    server.listen(this.settings.port, this.settings.host, () => {
      server.removeAllListeners('error');
      this.server = server;
      this.send({ type: 'listening', port: (server.address() as AddressInfo).port });
    });
  }

  /** Stops accepting, lets requests in flight finish for a moment, then cuts what is left. */
  private async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
    }
    this.upstream.close();
    this.send({ type: 'closed' });
  }

  private send(message: FromGatewayThread): void {
    this.port.postMessage(message);
  }
}

function increment(counts: Map<string, number>, name: string): void {
  counts.set(name, (counts.get(name) ?? 0) + 1);
}
