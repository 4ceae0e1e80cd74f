import { Injectable } from '@nestjs/common';
import { Db } from '@keyport/db';

export interface RecordedPlacement {
  keyId: string;
  gatewayKeyId: string;
  planId: string | null;
  enabled: boolean;
}

/** What Keyport last applied to each key at the gateway. */
@Injectable()
export class KeyPlacementsRepository {
  constructor(private readonly db: Db) {}

  async find(keyId: string): Promise<RecordedPlacement | null> {
    return this.db.client.gatewayKeyPlacement.findUnique({
      where: { keyId },
      select: { keyId: true, gatewayKeyId: true, planId: true, enabled: true },
    });
  }

  async record(placement: RecordedPlacement): Promise<void> {
    const { keyId, ...state } = placement;
    await this.db.client.gatewayKeyPlacement.upsert({ where: { keyId }, create: placement, update: state });
  }

  async forget(keyId: string): Promise<void> {
    await this.db.client.gatewayKeyPlacement.deleteMany({ where: { keyId } });
  }
}
