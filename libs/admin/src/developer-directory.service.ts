import { Injectable } from '@nestjs/common';
import { BillingService } from '@keyport/billing';
import { Clock, quotaWindow } from '@keyport/common';
import { type Developer, DeveloperAccountsService, type DeveloperFilter, type DeveloperPage } from '@keyport/developers';
import { KeysService } from '@keyport/keys';
import { UsageReportsService } from '@keyport/reports';
import { type DeveloperDetail, type PeriodUsage } from './developer-detail';

/** What admins look up about developers: filtered pages and one developer's whole picture. */
@Injectable()
export class DeveloperDirectoryService {
  constructor(
    private readonly reports: UsageReportsService,
    private readonly developers: DeveloperAccountsService,
    private readonly keys: KeysService,
    private readonly billing: BillingService,
    private readonly clock: Clock,
  ) {}

  list(filter: DeveloperFilter, cursor: string | undefined, limit: number): Promise<DeveloperPage> {
    return this.developers.page(filter, cursor, limit);
  }

  async detail(id: string): Promise<DeveloperDetail> {
    const developer = await this.developers.get(id);
    const [keys, billing, usage] = await Promise.all([
      this.keys.list(id),
      this.billing.status(id).then((status) => (status.enabled ? status : null)),
      this.usageThisPeriod(developer),
    ]);
    return { developer, keys, billing, usage };
  }

  async usageThisPeriod(developer: Developer): Promise<PeriodUsage> {
    const quota = await this.developers.quotaOf(developer);
    const window = quotaWindow(quota.period, this.clock.now());
    const [used, granted] = await Promise.all([
      this.reports.developerRequestsBetween(developer.id, window.start, window.end),
      this.developers.grantedFor(developer.id, window.start),
    ]);
    return { period: quota.period, start: window.start, end: window.end, used, limit: quota.limit, granted };
  }
}
