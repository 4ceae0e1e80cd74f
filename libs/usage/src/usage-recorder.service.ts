import { Injectable } from '@nestjs/common';
import { type LineageDayUsage, type UsageIncrement } from './usage-day';
import { UsageRepository } from './usage.repository';

/**
 * The usage lib's front for those who count requests: the embedded gateway adds what it admitted,
 * the ingestion of API Gateway's GetUsage writes the absolute days AWS reports. Reports read through
 * UsageService; only this lib touches `usage_daily`.
 */
@Injectable()
export class UsageRecorderService {
  constructor(private readonly usage: UsageRepository) {}

  /** Adds each increment to its key's day (call inside the caller's transaction to count once). */
  addRequests(increments: readonly UsageIncrement[]): Promise<void> {
    return this.usage.addRequests(increments);
  }

  /** Sets each key's day to the absolute count API Gateway reports; reading a day again replaces it. */
  replaceDaily(totals: readonly UsageIncrement[]): Promise<void> {
    return this.usage.replaceDaily(totals);
  }

  /** Requests per rotation lineage and day since `from` (an ISO day), for a gateway's quota counts. */
  lineageDays(from: string): Promise<LineageDayUsage[]> {
    return this.usage.lineageDays(from);
  }
}
