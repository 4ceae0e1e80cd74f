import { Injectable } from '@nestjs/common';
import { Clock, DAY_MS, invalid, isoDay, quotaWindow } from '@keyport/common';
import { type Developer, DeveloperAccountsService } from '@keyport/developers';
import { KeysService } from '@keyport/keys';
import { type QuotaStatus, type UsageQuery, type UsageReport } from './usage-report';
import { UsageRepository } from './usage.repository';

/** The longest range a developer's own usage covers (GET /v1/usage): a quarter. */
export const DEVELOPER_USAGE_MAX_DAYS = 90;

/**
 * Usage for developers. Quotas count per key like API Gateway's, over a key's whole rotation
 * lineage; the quota reported is that of the asked key, or without one the live lineage closest
 * to its limit.
 */
@Injectable()
export class UsageService {
  constructor(
    private readonly usage: UsageRepository,
    private readonly keys: KeysService,
    private readonly developers: DeveloperAccountsService,
    private readonly clock: Clock,
  ) {}

  async report(developer: Developer, query: UsageQuery): Promise<UsageReport> {
    checkRange(query.from, query.to);
    let lineages: string[];
    if (query.keyId) {
      lineages = [(await this.keys.get(developer.id, query.keyId)).lineageId];
    } else {
      lineages = [...new Set((await this.keys.listLive(developer.id)).map((key) => key.lineageId))];
    }
    const [items, quota] = await Promise.all([this.usage.daily(developer.id, query.from, query.to, query.keyId), this.quota(developer, lineages)]);
    return { items, quota };
  }

  private async quota(developer: Developer, lineages: string[]): Promise<QuotaStatus> {
    const { limit: planLimit, period } = await this.developers.quotaOf(developer);
    const window = quotaWindow(period, this.clock.now());
    const [totals, granted] = await Promise.all([
      this.usage.lineageTotals(developer.id, isoDay(window.start)),
      this.developers.grantedFor(developer.id, window.start),
    ]);
    const used = Math.max(0, ...lineages.map((lineage) => totals.get(lineage) ?? 0));
    const limit = planLimit + granted;
    return { limit, period, used, remaining: Math.max(0, limit - used), resetsAt: window.end };
  }
}

function checkRange(from: string, to: string): void {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days < 1) throw invalid('Invalid request', [{ field: 'to', message: 'must not be before from' }]);
  if (days > DEVELOPER_USAGE_MAX_DAYS) {
    throw invalid('Invalid request', [{ field: 'to', message: `must be at most ${DEVELOPER_USAGE_MAX_DAYS} days after from, counting both` }]);
  }
}
