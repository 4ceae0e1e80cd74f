import { Injectable } from '@nestjs/common';
import { Db, Prisma } from '@keyport/db';
import { type SubscriptionStatus } from './billing-types';
import { type Subscription } from './subscription';

interface SubscriptionRow {
  id: string;
  developerId: string;
  status: string;
  tierSlug: string;
  priceId: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
  stripeUpdatedAt: Date;
}

@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<Subscription | null> {
    const row = await this.db.client.subscription.findUnique({ where: { id } });
    return row ? toSubscription(row) : null;
  }

  /** Newest first. */
  async listByDeveloper(developerId: string): Promise<Subscription[]> {
    const rows = await this.db.client.subscription.findMany({
      where: { developerId },
      orderBy: [{ stripeUpdatedAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map(toSubscription);
  }

  async save(subscription: Subscription): Promise<void> {
    const data = {
      developerId: subscription.developerId,
      status: subscription.status,
      tierSlug: subscription.tierSlug,
      priceId: subscription.priceId,
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
      pastDueSince: subscription.pastDueSince,
      stripeUpdatedAt: subscription.seenAt,
    };
    await this.db.client.subscription.upsert({ where: { id: subscription.id }, create: { id: subscription.id, ...data }, update: data });
  }

  async setCancelAtPeriodEnd(id: string, cancel: boolean): Promise<void> {
    await this.db.client.subscription.update({ where: { id }, data: { cancelAtPeriodEnd: cancel } });
  }

  /** Developers still on the tier of a subscription `past_due` since before `since`: their grace is over. */
  async developersPastDueSince(since: Date, limit: number): Promise<string[]> {
    const rows = await this.db.client.$queryRaw<Array<{ developer_id: string }>>(Prisma.sql`
      SELECT DISTINCT s.developer_id FROM subscriptions s
      JOIN reporting_developers d ON d.id = s.developer_id AND d.tier_slug = s.tier_slug
      WHERE s.status = 'past_due' AND s.past_due_since <= ${since}
      ORDER BY s.developer_id
      LIMIT ${limit}`);
    return rows.map((row) => row.developer_id);
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    developerId: row.developerId,
    status: row.status as SubscriptionStatus,
    tierSlug: row.tierSlug,
    priceId: row.priceId,
    currentPeriodEnd: row.currentPeriodEnd,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    pastDueSince: row.pastDueSince,
    seenAt: row.stripeUpdatedAt,
  };
}
