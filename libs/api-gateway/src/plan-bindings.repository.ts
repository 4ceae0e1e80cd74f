import { Injectable } from '@nestjs/common';
import { Db } from '@keyport/db';

/** Remembers the gateway's id of each plan Keyport manages. */
@Injectable()
export class PlanBindingsRepository {
  constructor(private readonly db: Db) {}

  async planIdOf(owner: string): Promise<string | null> {
    const row = await this.db.client.gatewayPlanBinding.findUnique({ where: { owner } });
    return row?.planId ?? null;
  }

  async bind(owner: string, planId: string): Promise<void> {
    await this.db.client.gatewayPlanBinding.upsert({ where: { owner }, create: { owner, planId }, update: { planId } });
  }

  async unbind(owner: string): Promise<void> {
    await this.db.client.gatewayPlanBinding.deleteMany({ where: { owner } });
  }

  async all(): Promise<Array<{ owner: string; planId: string }>> {
    return this.db.client.gatewayPlanBinding.findMany({ select: { owner: true, planId: true } });
  }
}
