import { type GatewayDecision, bearerToken } from '@keyport/gateway-decision';
import { type GatewayClock } from './gateway-clock';

const UNAUTHORIZED: GatewayDecision = { allow: false, refusal: 'unauthorized' };
/** Beyond this many tokens the cache starts again (memory stays bounded under a spray of tokens). */
const MAX_DECISIONS = 50_000;
/** How far into its time a kept decision is asked again, in the background, so that a steady client never waits for it. */
const REFRESH_AT = 0.75;

interface KeptDecision {
  readonly decision: GatewayDecision;
  readonly untilMs: number;
  /** From then on, the next request with the token asks again while this decision still serves. */
  readonly refreshFromMs: number;
}

interface Pending {
  readonly generation: number;
  readonly token: string;
  readonly settle: (decision: GatewayDecision | null) => void;
}

/**
 * The gateway thread's side of GATEWAY_AUTH=cognito: the main thread's decision for each token
 * (GatewayIdentity: the token verified, the application and developer rows read), kept until the
 * main thread says when (the token's expiry, or ROW_CACHE_TTL_MS after the rows were read), so a
 * client reusing its token is decided here without a message. A change to an application or a
 * developer drops every decision at once (`forgetAll`), and an answer asked before it is used for
 * its own request only, never kept. Three quarters into a decision's time the next request asks
 * again in the background and is served with the decision still valid, so a client reusing its token
 * never waits on the main thread; no decision is used past its time.
 */
export class CallerDecisions {
  private decisions = new Map<string, KeptDecision>();
  private readonly pending = new Map<number, Pending>();
  /** Asks under way by token: a burst of requests with a new token costs one verification. */
  private readonly asking = new Map<string, Promise<GatewayDecision | null>>();
  private generation = 0;
  private lastId = 0;

  constructor(
    private readonly ask: (id: number, authorization: string) => void,
    private readonly clock: GatewayClock,
  ) {}

  /** The decision without a promise when one is at hand (or the header is no bearer token); undefined otherwise: then `decide`. */
  decideNow(authorization: string | undefined): GatewayDecision | undefined {
    const token = bearerToken(authorization);
    if (token === null) return UNAUTHORIZED;
    const known = this.decisions.get(token);
    if (known === undefined) return undefined;
    const now = this.clock.nowMs();
    if (known.untilMs <= now) return undefined;
    if (known.refreshFromMs <= now && !this.asking.has(token)) void this.decide(authorization ?? '');
    return known.decision;
  }

  /** Asks the main thread; null when it could not decide (the caller gets a 502, as on a failing authorizer). */
  decide(authorization: string): Promise<GatewayDecision | null> {
    const token = bearerToken(authorization);
    if (token === null) return Promise.resolve(UNAUTHORIZED);
    const asked = this.asking.get(token);
    if (asked) return asked;
    const id = ++this.lastId;
    const answer = new Promise<GatewayDecision | null>((settle) => this.pending.set(id, { generation: this.generation, token, settle }));
    this.asking.set(token, answer);
    this.ask(id, authorization);
    return answer;
  }

  /** The main thread's answer to ask `id`, to keep until `cacheUntilMs` (0: not to keep). */
  answered(id: number, decision: GatewayDecision | null, cacheUntilMs: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (pending.generation === this.generation) this.asking.delete(pending.token);
    const now = this.clock.nowMs();
    if (decision !== null && pending.generation === this.generation && cacheUntilMs > now) {
      if (this.decisions.size >= MAX_DECISIONS) this.decisions = new Map();
      const refreshFromMs = now + (cacheUntilMs - now) * REFRESH_AT;
      this.decisions.set(pending.token, { decision, untilMs: cacheUntilMs, refreshFromMs });
    }
    pending.settle(decision);
  }

  /** An application or developer changed: no decision made before stands. */
  forgetAll(): void {
    this.generation += 1;
    this.decisions = new Map();
    this.asking.clear();
  }
}
