import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type GatewayDecision } from '@keyport/gateway-decision';
import { type Admission } from './admission';
import { type CallerDecisions } from './caller-decisions';
import { ClientIp } from './client-ip';
import { type GatewayCors } from './gateway-cors';
import { GatewayResponse } from './gateway-response';
import { type GatewayThreadSettings } from './gateway-thread.protocol';
import { type IpRateRule } from './ip-rate-rule';
import { normalisedTarget } from './upstream-path';
import { type Upstream } from './upstream.port';

/** What the request path reports: each request's outcome (`keyport_gateway_admissions_total`), and failures worth a log line. */
export interface RequestPathReport {
  outcome(outcome: string): void;
  warn(message: string): void;
}

/**
 * One request at the embedded gateway, in API Gateway's order: the path, CORS preflight, the IP
 * rule, then (GATEWAY_AUTH=cognito) the caller's token, then the key, its owner, throttle and quota,
 * then the upstream. Memory only, except a token the thread has no recent decision for.
 */
export class GatewayRequestPath {
  private readonly clientIp: ClientIp;
  private admissionOn = true;
  private identityOn: boolean;
  /** GATEWAY_API_KEY_SOURCE=AUTHORIZER: the key comes from the caller's identity, never from x-api-key. */
  private readonly keyFromIdentity: boolean;

  constructor(
    settings: GatewayThreadSettings,
    private readonly admission: Admission,
    private readonly callers: CallerDecisions,
    private readonly upstream: Upstream,
    private readonly ipRule: IpRateRule,
    private readonly cors: () => GatewayCors,
    private readonly report: RequestPathReport,
  ) {
    this.clientIp = new ClientIp(settings.trustProxy);
    this.identityOn = settings.identityOn;
    this.keyFromIdentity = settings.keyFromIdentity;
  }

  /** Benchmarks only: with admission off every request goes straight to the upstream. */
  setAdmission(on: boolean, identity: boolean): void {
    this.admissionOn = on;
    this.identityOn = identity;
  }

  handle(request: IncomingMessage, response: ServerResponse): void {
    // Before admission: a path that would leave UPSTREAM_URL's prefix is never counted nor forwarded.
    const target = normalisedTarget(request.url);
    if (target === null) return this.refuse(request, response, GatewayResponse.badRequest);
    request.url = target;
    // A browser's preflight carries no key nor token: answered before admission, never counted.
    if (this.cors().answer(request, response)) return;
    if (!this.admissionOn) return this.upstream.forward(request, response, null);
    // Like a WAF in front of API Gateway: before any key or token work.
    if (this.ipRule.enabled && this.ipRule.observe(this.clientIp.of(request)) === 'blocked')
      return this.refuse(request, response, GatewayResponse.ipRuleBlocked);
    if (this.identityOn) {
      // A reused token is decided without a promise; a new one is asked of the main thread.
      const authorization = request.headers.authorization;
      const decision = this.callers.decideNow(authorization);
      if (decision) return this.admitIdentified(request, response, decision);
      return void this.callers.decide(authorization ?? '').then((asked) => {
        if (asked) this.admitIdentified(request, response, asked);
        else this.refuse(request, response, GatewayResponse.upstreamFailed);
      });
    }
    const admitted = this.admission.check(request.headers['x-api-key']);
    if (admitted instanceof GatewayResponse) return this.refuse(request, response, admitted);
    this.report.outcome('admitted');
    this.upstream.forward(request, response, admitted);
  }

  /**
   * GATEWAY_AUTH=cognito: the token first (401), then the key as API Gateway checks it, and it must be
   * the caller's own (403); with GATEWAY_API_KEY_SOURCE=AUTHORIZER the key is the caller's (403 when they have none).
   */
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
    this.report.outcome('admitted');
    this.upstream.forward(request, response, {
      keyId: admitted.keyId,
      developerId: admitted.developerId,
      applicationId: decision.applicationId,
      scopes: decision.scopes,
    });
  }

  private refuse(request: IncomingMessage, response: ServerResponse, refusal: GatewayResponse): void {
    this.report.outcome(REFUSAL_OUTCOME.get(refusal) ?? 'refused');
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
