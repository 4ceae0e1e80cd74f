import { Injectable } from '@nestjs/common';
import { Db } from '@keyport/db';

export interface ReconciledKey {
  id: string;
  developerId: string;
  status: 'PROVISIONING' | 'ACTIVE' | 'REVOKED';
  gatewayKeyId: string | null;
  developerActive: boolean;
}

/** The database side of a reconciliation: the keys Keyport expects at the gateway. */
@Injectable()
export class ReconcileRepository {
  constructor(private readonly db: Db) {}

  async liveKeys(): Promise<ReconciledKey[]> {
    return this.toKeys(await this.db.client.apiKey.findMany({ where: { status: { not: 'REVOKED' } }, select: SELECTION }));
  }

  async keysByIds(ids: string[]): Promise<ReconciledKey[]> {
    const uuids = ids.filter((id) => UUID.test(id));
    return this.toKeys(await this.db.client.apiKey.findMany({ where: { id: { in: uuids } }, select: SELECTION }));
  }

  private toKeys(
    rows: Array<{ id: string; developerId: string; status: ReconciledKey['status']; gatewayKeyId: string | null; developer: { status: string } }>,
  ) {
    return rows.map((row) => ({
      id: row.id,
      developerId: row.developerId,
      status: row.status,
      gatewayKeyId: row.gatewayKeyId,
      developerActive: row.developer.status === 'ACTIVE',
    }));
  }
}

const SELECTION = { id: true, developerId: true, status: true, gatewayKeyId: true, developer: { select: { status: true } } } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
