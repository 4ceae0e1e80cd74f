import { Injectable } from '@nestjs/common';
import { BillingService } from '@keyport/billing';
import { Clock, quotaWindow } from '@keyport/common';
import { type Developer, DevelopersService } from '@keyport/developers';
import { KeysRepository } from '@keyport/keys';
import { TiersService } from '@keyport/tiers';
import { type DeveloperDetail, type PeriodUsage } from './developer-detail';
import { DeveloperDirectoryRepository } from './developer-directory.repository';
import { type DeveloperFilter, type DeveloperPage, developerCursor } from './developer-page';

/** What admins look up about developers: filtered pages and one developer's whole picture. */
@Injectable()
export class DeveloperDirectoryService {
  constructor(
    private readonly directory: DeveloperDirectoryRepository,
    private readonly developers: DevelopersService,
    private readonly keys: KeysRepository,
    private readonly tiers: TiersService,
    private readonly billing: BillingService,
    private readonly clock: Clock,
  ) {}

  /**
   * Developers in sign-up order. The cursor is the last one returned, so a page never repeats or
   * skips anyone, and developers who sign up meanwhile appear on a later page.
   */
  async list(filter: DeveloperFilter, cursor: string | undefined, limit: number): Promise<DeveloperPage> {
    const after = cursor === undefined ? null : developerCursor.decode(cursor);
    const rows = await this.directory.page(filter, after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? developerCursor.encode({ createdAt: last.createdAt, id: last.id }) : null;
    return { items, nextCursor };
  }

  async detail(id: string): Promise<DeveloperDetail> {
    const developer = await this.developers.get(id);
    const [keys, billing, usage] = await Promise.all([
      this.keys.listByDeveloper(id),
      this.billing.status(id).then((status) => (status.enabled ? status : null)),
      this.usageThisPeriod(developer),
    ]);
    return { developer, keys, billing, usage };
  }

  async usageThisPeriod(developer: Developer): Promise<PeriodUsage> {
    const tier = await this.tiers.find(developer.tierSlug);
    const quota = developer.quotaOverride ?? tier?.quota ?? { limit: 0, period: 'MONTH' as const };
    const window = quotaWindow(quota.period, this.clock.now());
    const [used, granted] = await Promise.all([
      this.directory.usedBetween(developer.id, window.start, window.end),
      this.directory.grantedFor(developer.id, window.start),
    ]);
    return { period: quota.period, start: window.start, end: window.end, used, limit: quota.limit, granted };
  }
}
