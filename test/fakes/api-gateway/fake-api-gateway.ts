import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { FakeAwsError, badRequest, notFound } from './fake-aws-error';
import { type FakeKey, FakeGatewayState, type FakeLimits, type FakePlan } from './fake-gateway-state';
import { AWS_QUOTAS, type FakeQuotaSettings, FakeQuotas } from './fake-quotas';
import { FakeRestApis, domainJson, resourceJson, restApiJson } from './fake-rest-apis';
import { stageExport } from './fake-stage-export';

export interface FakeFaults {
  /** Extra milliseconds before each answer. */
  latencyMs: number;
  /** Share of requests answered 429 TooManyRequestsException with Retry-After. */
  throttleRate: number;
  /** Share answered 5xx; half of them after the operation took effect (an answer lost on the way). */
  serverErrorRate: number;
}

export interface FakeApiGatewayOptions {
  quotas?: Partial<FakeQuotaSettings> | false;
  limits?: Partial<FakeLimits>;
  faults?: Partial<FakeFaults>;
  /** Seed of the fault dice, so a failing run can be replayed. */
  seed?: number;
}

/** A JSON answer (`body`), or one the operation sends as it is (`raw`, e.g. GetExport's document). */
type Handler = (
  match: string[],
  query: URLSearchParams,
  body: any,
  headers: IncomingMessage['headers'],
) => { status: number; body?: unknown; raw?: { text: string; headers: Record<string, string> } };

/**
 * API Gateway's control plane (REST APIs: API keys, usage plans, usage) over HTTP, as the AWS API
 * reference documents it, so the real SDK can talk to it through `endpoint`. It enforces the account
 * quotas and limits and can inject latency, throttling and 5xx at chosen rates.
 */
export class FakeApiGateway {
  readonly state: FakeGatewayState;
  /** REST APIs, stages and custom domains (what the security audit reads). */
  readonly restApis = new FakeRestApis();
  /** Operations answered 403 AccessDeniedException, as for an IAM role without the permission. */
  readonly denied = new Set<string>();
  faults: FakeFaults;
  /** Requests per operation as received (throttled ones included). */
  readonly received = new Map<string, number>();
  /** Requests that took effect, per operation. */
  readonly applied = new Map<string, number>();
  /** When the most recent request took effect (ms since the epoch). */
  lastAppliedAt = 0;
  /** Requests refused by the quotas (not by injected faults). */
  quotaThrottled = 0;
  injected = { throttles: 0, serverErrors: 0 };
  private quotas: FakeQuotas | null;
  private server?: Server;
  private random: () => number;
  private readonly routes: Array<{ method: string; pattern: RegExp; operation: string; handle: Handler }> = [];

  constructor(private readonly options: FakeApiGatewayOptions = {}) {
    this.state = new FakeGatewayState({ maxKeys: 10_000, maxPlans: 300, plansPerKey: 10, ...options.limits });
    this.faults = { latencyMs: 0, throttleRate: 0, serverErrorRate: 0, ...options.faults };
    this.quotas = options.quotas === false ? null : new FakeQuotas({ ...AWS_QUOTAS, ...options.quotas });
    this.random = seeded(options.seed ?? 42);
    this.defineRoutes();
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('fake API Gateway is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    // AWS keeps idle connections open far longer than Node's default 5 s.
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Restores the quotas' buckets to full (between phases of a test). */
  resetQuotas(): void {
    if (this.quotas) this.quotas = new FakeQuotas({ ...AWS_QUOTAS, ...(this.options.quotas || {}) });
  }

  count(operation: string): number {
    return this.received.get(operation) ?? 0;
  }

  appliedCount(operation: string): number {
    return this.applied.get(operation) ?? 0;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = this.routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    try {
      if (this.faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
      if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential=')) {
        throw new FakeAwsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
      }
      if (!route) throw notFound('resource');
      this.received.set(route.operation, this.count(route.operation) + 1);
      if (this.denied.has(route.operation)) {
        throw new FakeAwsError(
          403,
          'AccessDeniedException',
          `User: arn:aws:iam::123456789012:user/keyport is not authorized to perform: apigateway:GET on resource: ${url.pathname}`,
        );
      }
      try {
        this.quotas?.admit(route.operation);
      } catch (error) {
        this.quotaThrottled += 1;
        throw error;
      }
      if (this.random() < this.faults.throttleRate) {
        this.injected.throttles += 1;
        throw new FakeAwsError(429, 'TooManyRequestsException', 'Too Many Requests', 1);
      }
      const failing = this.random() < this.faults.serverErrorRate;
      const afterApply = failing && this.random() < 0.5;
      if (failing && !afterApply) throw this.serverError();
      const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const result = route.handle(decodedGroups(route.pattern.exec(url.pathname)!), url.searchParams, body, req.headers);
      this.applied.set(route.operation, (this.applied.get(route.operation) ?? 0) + 1);
      this.lastAppliedAt = Date.now();
      if (afterApply) throw this.serverError();
      if (result.raw) {
        res.writeHead(result.status, result.raw.headers);
        res.end(result.raw.text);
        return;
      }
      res.writeHead(result.status, { 'content-type': 'application/json' });
      res.end(result.body === undefined ? '' : JSON.stringify(result.body));
    } catch (error) {
      const failure =
        error instanceof FakeAwsError
          ? error
          : error instanceof SyntaxError
            ? badRequest('Invalid JSON')
            : new FakeAwsError(500, 'InternalFailure', 'Internal failure');
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-amzn-ErrorType': `${failure.type}:http://internal.amazon.com/coral/com.amazonaws.backplane.restapi/`,
      };
      if (failure.retryAfterSeconds !== undefined) headers['Retry-After'] = String(failure.retryAfterSeconds);
      res.writeHead(failure.status, headers);
      res.end(JSON.stringify({ message: failure.message }));
    }
  }

  private serverError(): FakeAwsError {
    this.injected.serverErrors += 1;
    return this.random() < 0.5
      ? new FakeAwsError(503, 'ServiceUnavailableException', 'Service Unavailable', 1)
      : new FakeAwsError(500, 'InternalFailure', 'Internal server error');
  }

  private route(method: string, path: string, operation: string, handle: Handler): void {
    this.routes.push({ method, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '([^/]+)')}$`), operation, handle });
  }

  private defineRoutes(): void {
    const s = this.state;
    this.route('GET', '/account', 'GetAccount', () => ok({ throttleSettings: { rateLimit: 10000, burstLimit: 5000 }, features: [] }));
    this.route('POST', '/apikeys', 'CreateApiKey', (_, __, body) => ({ status: 201, body: keyJson(s.createKey(body), false) }));
    this.route('GET', '/apikeys', 'GetApiKeys', (_, q) => {
      const name = q.get('name');
      const keys = [...s.keys.values()].filter((key) => !name || key.name.startsWith(name)).sort(byId);
      return ok(page(keys, q, (key) => keyJson(key, q.get('includeValues') === 'true')));
    });
    this.route('GET', '/apikeys/{apiKey}', 'GetApiKey', ([id], q) => ok(keyJson(s.key(id), q.get('includeValue') === 'true')));
    this.route('PATCH', '/apikeys/{apiKey}', 'UpdateApiKey', ([id], _, body) => ok(keyJson(s.updateKey(id, body.patchOperations ?? []), false)));
    this.route('DELETE', '/apikeys/{apiKey}', 'DeleteApiKey', ([id]) => (s.deleteKey(id), { status: 202 }));
    this.route('POST', '/usageplans', 'CreateUsagePlan', (_, __, body) => ({ status: 201, body: planJson(s.createPlan(body)) }));
    this.route('GET', '/usageplans', 'GetUsagePlans', (_, q) => {
      const keyId = q.get('keyId');
      if (keyId) s.key(keyId);
      const plans = keyId ? s.plansOfKey(keyId) : [...s.plans.values()];
      return ok(page(plans.sort(byId), q, planJson));
    });
    this.route('GET', '/usageplans/{usagePlanId}', 'GetUsagePlan', ([id]) => ok(planJson(s.plan(id))));
    this.route('PATCH', '/usageplans/{usagePlanId}', 'UpdateUsagePlan', ([id], _, body) => ok(planJson(s.updatePlan(id, body.patchOperations ?? []))));
    this.route('DELETE', '/usageplans/{usagePlanId}', 'DeleteUsagePlan', ([id]) => (s.deletePlan(id), { status: 202 }));
    this.route('POST', '/usageplans/{usagePlanId}/keys', 'CreateUsagePlanKey', ([id], _, body) => {
      if (body.keyType !== 'API_KEY') throw badRequest('keyType must be API_KEY');
      return { status: 201, body: planKeyJson(s.addKeyToPlan(id, body.keyId)) };
    });
    this.route('GET', '/usageplans/{usagePlanId}/keys', 'GetUsagePlanKeys', ([id], q) => {
      s.plan(id);
      const keys = [...s.members.get(id)!].map((keyId) => s.key(keyId)).sort(byId);
      return ok(page(keys, q, planKeyJson));
    });
    this.route('GET', '/usageplans/{usagePlanId}/keys/{keyId}', 'GetUsagePlanKey', ([id, keyId]) => {
      if (!s.members.get(s.plan(id).id)!.has(keyId)) throw notFound('Usage Plan Key');
      return ok(planKeyJson(s.key(keyId)));
    });
    this.route('DELETE', '/usageplans/{usagePlanId}/keys/{keyId}', 'DeleteUsagePlanKey', ([id, keyId]) => (s.removeKeyFromPlan(id, keyId), { status: 202 }));
    this.route('GET', '/usageplans/{usagePlanId}/usage', 'GetUsage', ([id], q) => {
      const from = q.get('startDate');
      const to = q.get('endDate');
      if (!from || !to) throw badRequest('startDate and endDate are required');
      const entries = [...s.usage(id, from, to, q.get('keyId') ?? undefined)];
      const { item, position } = page(entries, q, (entry) => entry);
      return ok({ usagePlanId: id, startDate: from, endDate: to, values: Object.fromEntries(item), position });
    });
    this.defineRestApiRoutes();
    this.route('PATCH', '/usageplans/{usagePlanId}/keys/{keyId}/usage', 'UpdateUsage', ([id, keyId], _, body) => {
      const ops: Array<{ op: string; path: string; value?: string }> = body.patchOperations ?? [];
      for (const op of ops) {
        if (op.op !== 'replace' || op.path !== '/remaining' || !/^\d+$/.test(op.value ?? '')) throw badRequest(`Invalid patch operation ${op.op} ${op.path}`);
        s.setRemaining(id, keyId, Number(op.value));
      }
      const today = new Date().toISOString().slice(0, 10);
      return ok({ usagePlanId: id, startDate: today, endDate: today, values: Object.fromEntries(s.usage(id, today, today, keyId)) });
    });
  }

  /** The read operations of REST APIs the security audit uses (API Gateway's documented paths and shapes). */
  private defineRestApiRoutes(): void {
    const r = this.restApis;
    this.route('GET', '/restapis/{restApiId}', 'GetRestApi', ([id]) => ok(restApiJson(r.api(id))));
    this.route('GET', '/restapis/{restApiId}/resources', 'GetResources', ([id], q) => {
      const embed = q
        .getAll('embed')
        .flatMap((value) => value.split(','))
        .includes('methods');
      return ok(page(r.api(id).resources, q, (resource) => resourceJson(resource, embed)));
    });
    this.route('GET', '/restapis/{restApiId}/authorizers', 'GetAuthorizers', ([id], q) => ok(page(r.api(id).authorizers, q, (a) => a)));
    this.route('GET', '/restapis/{restApiId}/stages/{stageName}', 'GetStage', ([id, stage]) => ok(r.stage(id, stage)));
    this.route('GET', '/restapis/{restApiId}/stages/{stageName}/exports/{exportType}', 'GetExport', ([id, stage, type], _, __, headers) => ({
      status: 200,
      raw: stageExport(r.api(id), r.stage(id, stage), type, String(headers.accept ?? 'application/json')),
    }));
    this.route('GET', '/domainnames', 'GetDomainNames', (_, q) => ok(page([...r.domains.values()], q, domainJson)));
    this.route('GET', '/domainnames/{domainName}/basepathmappings', 'GetBasePathMappings', ([name], q) => ok(page(r.domain(name).mappings, q, (m) => m)));
  }
}

function ok(body: unknown) {
  return { status: 200, body };
}

/** `item` + `position` paging: `limit` (default 25, at most 500) items after the opaque cursor. */
function page<T, R>(all: T[], query: URLSearchParams, map: (item: T) => R): { item: R[]; position?: string } {
  const limit = Number(query.get('limit') ?? 25);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('limit must be 1 to 500');
  const raw = query.get('position');
  const offset = raw ? Number(Buffer.from(raw, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('Invalid position');
  const slice = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? Buffer.from(String(offset + limit)).toString('base64url') : undefined;
  return { item: slice.map(map), ...(next ? { position: next } : {}) };
}

function keyJson(key: FakeKey, includeValue: boolean) {
  return {
    id: key.id,
    name: key.name,
    enabled: key.enabled,
    description: key.description,
    createdDate: key.createdDate,
    lastUpdatedDate: key.lastUpdatedDate,
    stageKeys: [],
    tags: key.tags,
    ...(includeValue ? { value: key.value } : {}),
  };
}

function planJson(plan: FakePlan) {
  return {
    id: plan.id,
    name: plan.name,
    description: plan.description,
    apiStages: plan.apiStages,
    throttle: plan.throttle,
    quota: plan.quota,
    tags: plan.tags,
  };
}

function planKeyJson(key: FakeKey) {
  return { id: key.id, type: 'API_KEY', name: key.name };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function decodedGroups(match: RegExpExecArray): string[] {
  return match.slice(1).map((part) => decodeURIComponent(part));
}

/** mulberry32: small, fast, seeded. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
