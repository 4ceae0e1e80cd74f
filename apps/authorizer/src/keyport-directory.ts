import { type CallerDirectory } from '@keyport/gateway-decision';
import { type AuthorizerConfig } from './authorizer-config';

/** Keyport's internal route's answer (apps/portal-api/src/internal). */
export interface Principal {
  developerId: string;
  /** The developer's status in Keyport: only ACTIVE is admitted (PENDING, SUSPENDED and DELETED are refused). */
  developerStatus: string;
  application: { applicationId: string; kind: 'APPLICATION' | 'SERVICE_ACCOUNT' } | null;
  apiKey: string | null;
}

const TIMEOUT_MS = 3_000;

/**
 * The shared decision's look-ups answered by Keyport's internal route, each answer kept for
 * AUTHORIZER_CACHE_TTL_SECONDS across warm invocations (a revocation takes effect within it; only
 * found answers and "not found" are cached, never a failure).
 */
export class KeyportDirectory implements CallerDirectory {
  private readonly cache = new Map<string, { at: number; principal: Principal | null }>();

  constructor(
    private readonly config: AuthorizerConfig,
    private readonly now: () => number = Date.now,
  ) {}

  async application(clientId: string): ReturnType<CallerDirectory['application']> {
    const found = await this.principal(`applications/${encodeURIComponent(clientId)}`);
    if (!found?.application) return null;
    return { applicationId: found.application.applicationId, developerId: found.developerId, kind: found.application.kind };
  }

  async developerStatus(developerId: string): ReturnType<CallerDirectory['developerStatus']> {
    return (await this.principal(`developers/${encodeURIComponent(developerId)}`))?.developerStatus ?? null;
  }

  /** The managed key of an application read by `application()` in the same decision (cached). */
  async apiKeyOf(clientId: string): Promise<string | null> {
    return (await this.principal(`applications/${encodeURIComponent(clientId)}`))?.apiKey ?? null;
  }

  private async principal(path: string): Promise<Principal | null> {
    const cached = this.cache.get(path);
    if (cached && this.now() - cached.at < this.config.cacheTtlMs) return cached.principal;
    const response = await fetch(`${this.config.keyportUrl}/internal/authorizer/${path}`, {
      headers: { 'x-keyport-authorizer-secret': this.config.secret, accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    let principal: Principal | null;
    if (response.status === 404) principal = null;
    else if (response.status === 200) principal = (await response.json()) as Principal;
    else throw new Error(`Keyport's internal route answered ${response.status}`);
    if (this.cache.size > 10_000) this.cache.clear();
    const at = this.now();
    this.cache.set(path, { at, principal });
    // The decision asks for the application's developer next: that answer came with this one.
    if (principal?.application)
      this.cache.set(`developers/${encodeURIComponent(principal.developerId)}`, { at, principal: { ...principal, application: null, apiKey: null } });
    return principal;
  }
}
