import { Injectable } from '@nestjs/common';
import { Db } from '@keyport/db';

@Injectable()
export class WebhookEventsRepository {
  constructor(private readonly db: Db) {}

  async seen(eventId: string): Promise<boolean> {
    return (await this.db.client.webhookEvent.count({ where: { id: eventId } })) > 0;
  }

  /**
   * Records the event id; false when it was already recorded. ON CONFLICT DO NOTHING makes a
   * concurrent second delivery wait for the first and then see it, without aborting the transaction.
   * An event Keyport could not read is recorded with the reason it was ignored.
   */
  async record(eventId: string, type: string, at: Date, ignoredReason?: string): Promise<boolean> {
    const { count } = await this.db.client.webhookEvent.createMany({
      data: [{ id: eventId, type, receivedAt: at, processedAt: at, ignoredReason: ignoredReason ?? null }],
      skipDuplicates: true,
    });
    return count === 1;
  }
}
