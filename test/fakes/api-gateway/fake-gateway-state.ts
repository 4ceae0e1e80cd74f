import { randomBytes } from 'node:crypto';
import { badRequest, conflict, limitExceeded, notFound } from './fake-aws-error';

export interface FakeKey {
  id: string;
  name: string;
  value: string;
  enabled: boolean;
  description?: string;
  tags: Record<string, string>;
  createdDate: number;
  lastUpdatedDate: number;
}

export interface FakePlan {
  id: string;
  name: string;
  description?: string;
  apiStages: Array<{ apiId: string; stage: string }>;
  throttle?: { rateLimit?: number; burstLimit?: number };
  quota?: { limit?: number; offset?: number; period?: string };
  tags: Record<string, string>;
}

export interface PatchOperation {
  op: string;
  path: string;
  value?: string;
}

export interface FakeLimits {
  maxKeys: number;
  maxPlans: number;
  plansPerKey: number;
}

/** What API Gateway holds for one account and Region, with its documented limits and errors. */
export class FakeGatewayState {
  readonly keys = new Map<string, FakeKey>();
  readonly plans = new Map<string, FakePlan>();
  /** plan id → key ids */
  readonly members = new Map<string, Set<string>>();
  /** `plan|key|day` → requests used that day */
  readonly used = new Map<string, number>();
  /** `plan|key|periodStart` → requests added to (or removed from) the remaining quota */
  readonly adjustments = new Map<string, number>();
  /** How many times CreateApiKey made a key under each name (a duplicate shows as 2). */
  readonly creationsByName = new Map<string, number>();

  constructor(readonly limits: FakeLimits = { maxKeys: 10_000, maxPlans: 300, plansPerKey: 10 }) {}

  createKey(body: Record<string, any>): FakeKey {
    const value: string = body.value ?? randomBytes(20).toString('hex');
    if (typeof value !== 'string' || value.length < 20 || value.length > 128) badThrow('API key value must be 20 to 128 characters');
    if ([...this.keys.values()].some((key) => key.value === value)) throw conflict('API Key already exists');
    if (this.keys.size >= this.limits.maxKeys) throw limitExceeded('API key limit exceeded for this account and Region');
    const now = Math.floor(Date.now() / 1000);
    const key: FakeKey = {
      id: newId(),
      name: body.name ?? '',
      value,
      enabled: body.enabled ?? false,
      description: body.description,
      tags: body.tags ?? {},
      createdDate: now,
      lastUpdatedDate: now,
    };
    this.keys.set(key.id, key);
    this.creationsByName.set(key.name, (this.creationsByName.get(key.name) ?? 0) + 1);
    return key;
  }

  key(id: string): FakeKey {
    const key = this.keys.get(id);
    if (!key) throw notFound('API Key');
    return key;
  }

  updateKey(id: string, ops: PatchOperation[]): FakeKey {
    const key = this.key(id);
    for (const op of ops) {
      if (op.op === 'replace' && op.path === '/enabled') key.enabled = op.value === 'true';
      else if (op.op === 'replace' && op.path === '/name') key.name = op.value ?? '';
      else if (op.op === 'replace' && op.path === '/description') key.description = op.value;
      else badThrow(`Invalid patch path ${op.path}`);
    }
    key.lastUpdatedDate = Math.floor(Date.now() / 1000);
    return key;
  }

  deleteKey(id: string): void {
    this.key(id);
    this.keys.delete(id);
    for (const members of this.members.values()) members.delete(id);
  }

  createPlan(body: Record<string, any>): FakePlan {
    if (!body.name) badThrow('Usage plan name is required');
    if (this.plans.size >= this.limits.maxPlans) throw limitExceeded('Usage plan limit exceeded');
    const plan: FakePlan = {
      id: newId(),
      name: body.name,
      description: body.description,
      apiStages: (body.apiStages ?? []).map((stage: any) => ({ apiId: stage.apiId, stage: stage.stage })),
      throttle: body.throttle,
      quota: body.quota,
      tags: body.tags ?? {},
    };
    this.plans.set(plan.id, plan);
    this.members.set(plan.id, new Set());
    return plan;
  }

  plan(id: string): FakePlan {
    const plan = this.plans.get(id);
    if (!plan) throw notFound('Usage Plan');
    return plan;
  }

  updatePlan(id: string, ops: PatchOperation[]): FakePlan {
    const plan = this.plan(id);
    for (const op of ops) {
      const value = op.value ?? '';
      if (op.path === '/apiStages' && (op.op === 'add' || op.op === 'remove')) {
        const [apiId, stage] = value.split(':');
        if (!apiId || !stage) badThrow(`Invalid API stage ${value}`);
        plan.apiStages = plan.apiStages.filter((s) => !(s.apiId === apiId && s.stage === stage));
        if (op.op === 'add') plan.apiStages.push({ apiId, stage });
      } else if (op.op === 'replace' && op.path === '/throttle/rateLimit') plan.throttle = { ...plan.throttle, rateLimit: Number(value) };
      else if (op.op === 'replace' && op.path === '/throttle/burstLimit') plan.throttle = { ...plan.throttle, burstLimit: Number(value) };
      else if (op.op === 'replace' && op.path === '/quota/limit') plan.quota = { ...plan.quota, limit: Number(value) };
      else if (op.op === 'replace' && op.path === '/quota/period') plan.quota = { ...plan.quota, period: value };
      else if (op.op === 'replace' && op.path === '/name') plan.name = value;
      else badThrow(`Invalid patch operation ${op.op} ${op.path}`);
    }
    return plan;
  }

  deletePlan(id: string): void {
    this.plan(id);
    this.plans.delete(id);
    this.members.delete(id);
  }

  addKeyToPlan(planId: string, keyId: string): FakeKey {
    const plan = this.plan(planId);
    const key = this.key(keyId);
    const members = this.members.get(planId)!;
    if (members.has(keyId)) throw conflict('Usage plan key already exists');
    const others = this.plansOfKey(keyId);
    if (others.length >= this.limits.plansPerKey) throw limitExceeded('A key may belong to at most 10 usage plans');
    for (const other of others) {
      const shared = other.apiStages.find((a) => plan.apiStages.some((b) => a.apiId === b.apiId && a.stage === b.stage));
      if (shared) throw conflict(`API Key ${keyId} is already in usage plan ${other.id} for stage ${shared.apiId}:${shared.stage}`);
    }
    members.add(keyId);
    return key;
  }

  removeKeyFromPlan(planId: string, keyId: string): void {
    this.plan(planId);
    if (!this.members.get(planId)!.delete(keyId)) throw notFound('Usage Plan Key');
  }

  plansOfKey(keyId: string): FakePlan[] {
    return [...this.plans.values()].filter((plan) => this.members.get(plan.id)!.has(keyId));
  }

  /** Adds requests a key made on a day (what the data plane would count). */
  recordUsage(planId: string, keyId: string, day: string, requests: number): void {
    const id = `${planId}|${keyId}|${day}`;
    this.used.set(id, (this.used.get(id) ?? 0) + requests);
  }

  /** `[used, remaining]` per day from..to, for keys with data in the range. */
  usage(planId: string, from: string, to: string, keyId?: string): Map<string, Array<[number, number]>> {
    const plan = this.plan(planId);
    const days = dayRange(from, to);
    if (days.length === 0 || days.length > 90) badThrow('The date range must be 1 to 90 days');
    const keyIds = new Set<string>();
    for (const id of [...this.used.keys(), ...this.adjustments.keys()]) {
      const [p, k] = id.split('|');
      if (p === planId && (!keyId || k === keyId)) keyIds.add(k);
    }
    const result = new Map<string, Array<[number, number]>>();
    for (const k of [...keyIds].sort()) {
      result.set(
        k,
        days.map((day) => [this.used.get(`${planId}|${k}|${day}`) ?? 0, this.remaining(plan, k, day)]),
      );
    }
    return result;
  }

  setRemaining(planId: string, keyId: string, remaining: number): void {
    const plan = this.plan(planId);
    this.key(keyId);
    const today = new Date().toISOString().slice(0, 10);
    const start = periodStart(plan.quota?.period ?? 'MONTH', today);
    const withoutAdjustment = this.remaining(plan, keyId, today) - (this.adjustments.get(`${planId}|${keyId}|${start}`) ?? 0);
    this.adjustments.set(`${planId}|${keyId}|${start}`, remaining - withoutAdjustment);
  }

  private remaining(plan: FakePlan, keyId: string, day: string): number {
    const start = periodStart(plan.quota?.period ?? 'MONTH', day);
    let used = 0;
    for (const d of dayRange(start, day)) used += this.used.get(`${plan.id}|${keyId}|${d}`) ?? 0;
    return (plan.quota?.limit ?? 0) - used + (this.adjustments.get(`${plan.id}|${keyId}|${start}`) ?? 0);
  }
}

function badThrow(message: string): never {
  throw badRequest(message);
}

/** API Gateway ids: 10 lowercase letters and digits. */
function newId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join('');
}

function dayRange(from: string, to: string): string[] {
  const days: string[] = [];
  const at = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(at.getTime()) || Number.isNaN(end.getTime())) badThrow('Invalid date');
  while (at <= end && days.length <= 91) {
    days.push(at.toISOString().slice(0, 10));
    at.setUTCDate(at.getUTCDate() + 1);
  }
  return days;
}

function periodStart(period: string, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (period === 'DAY') return day;
  if (period === 'WEEK') date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  else date.setUTCDate(1);
  return date.toISOString().slice(0, 10);
}
