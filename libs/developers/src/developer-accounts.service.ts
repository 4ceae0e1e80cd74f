import { Injectable } from '@nestjs/common';
import { notFound } from '@keyport/common';
import { KeysService } from '@keyport/keys';
import { type Quota, TiersService } from '@keyport/tiers';
import { type BillingAccount, type Developer, effectiveQuota } from './developer';
import { type DeveloperFilter, type DeveloperPage, developerCursor } from './developer-page';
import { DevelopersRepository } from './developers.repository';
import { QuotaGrantsRepository } from './quota-grants.repository';

/**
 * What other libs read from, and ask of, the developers table without an identity provider (so the
 * worker can use it too): the front of the developers lib for admin, billing and usage.
 */
@Injectable()
export class DeveloperAccountsService {
  constructor(
    private readonly developers: DevelopersRepository,
    private readonly grants: QuotaGrantsRepository,
    private readonly tiers: TiersService,
    private readonly keys: KeysService,
  ) {}

  find(id: string): Promise<Developer | null> {
    return this.developers.findById(id);
  }

  /**
   * The developer as read at most the row cache's lifetime ago (a change made in this process is
   * seen at once): for checks on every gateway call, where a database read each time would cost.
   */
  /** Which of these developers are active (their keys enabled at the gateway); unknown ids are not. */
  activeAmong(ids: readonly string[]): Promise<Set<string>> {
    return this.developers.activeAmong([...new Set(ids)]);
  }

  findRecent(id: string): Promise<Developer | null> {
    return this.developers.findRecent(id);
  }

  async get(id: string): Promise<Developer> {
    const developer = await this.developers.findById(id);
    if (!developer) throw notFound('Developer');
    return developer;
  }

  /** Reads the developer and locks the row until the caller's transaction ends (null: no such developer). */
  lock(id: string): Promise<Developer | null> {
    return this.developers.lock(id);
  }

  /**
   * Developers in sign-up order. The cursor is the last one returned, so a page never repeats or
   * skips anyone, and developers who sign up meanwhile appear on a later page.
   */
  async page(filter: DeveloperFilter, cursor: string | undefined, limit: number): Promise<DeveloperPage> {
    const after = cursor === undefined ? null : developerCursor.decode(cursor);
    const rows = await this.developers.page(filter, after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? developerCursor.encode({ createdAt: last.createdAt, id: last.id }) : null;
    return { items, nextCursor };
  }

  /** The quota the gateway enforces on the developer's keys before grants: their own, else their tier's. */
  async quotaOf(developer: Developer): Promise<Quota> {
    return effectiveQuota(developer, await this.tiers.get(developer.tierSlug));
  }

  /** Requests admins granted the developer for the quota period starting at `periodStart`. */
  grantedFor(developerId: string, periodStart: Date): Promise<number> {
    return this.grants.grantedFor(developerId, periodStart);
  }

  /** After a tier's throttle changed: developers with their own plan on that tier carry it in their plan. */
  async syncKeysOfOwnQuotaDevelopers(tierSlug: string, reason: string): Promise<void> {
    for (const developerId of await this.developers.idsWithQuotaOverride(tierSlug)) {
      await this.keys.syncLiveKeys(developerId, reason);
    }
  }

  async billingAccount(developerId: string): Promise<BillingAccount> {
    const account = await this.developers.billingAccount(developerId);
    if (!account) throw notFound('Developer');
    return account;
  }

  developerOfCustomer(customerId: string): Promise<string | null> {
    return this.developers.developerOfCustomer(customerId);
  }

  /** Stores the Stripe customer unless the developer has one already; returns the one stored. */
  attachCustomer(developerId: string, customerId: string): Promise<string> {
    return this.developers.attachCustomer(developerId, customerId);
  }
}
