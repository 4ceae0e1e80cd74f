import { Injectable } from '@nestjs/common';
import { type ApiKeyRow, Db, LeanReads, Prisma, RecentRows } from '@keyport/db';
import { type ApiKey, type KeyGatewayState } from './api-key';

export interface NewApiKey {
  id: string;
  developerId: string;
  name: string;
  hash: string;
  prefix: string;
  last4: string;
  lineageId: string;
  rotatedFromId: string | null;
  expiresAt: Date | null;
  /** An application's managed key: the application and the key's sealed value. */
  managed?: { applicationId: string; sealedValue: string };
}

const GATEWAY_STATE = { id: true, developerId: true, status: true, gatewayKeyId: true } as const;

/** RecentRows kind of a developer's key list (the rows `GET /v1/keys` shows). */
const DEVELOPER_KEY_LISTS = 'developer-keys';

/**
 * The only class that reads or writes `api_keys`. Every write forgets the owner's cached key list
 * here, so the list `GET /v1/keys` serves from memory is never older than this process's own writes.
 * Other libs' SQL reads it through the view `reporting_api_keys` (migration `reporting_views`): keep its columns.
 */
@Injectable()
export class KeysRepository {
  constructor(
    private readonly db: Db,
    private readonly lean: LeanReads,
    private readonly recent: RecentRows,
  ) {}

  /** What counts against the key limit: rotation lineages with a live key (a key and the one it replaced count once). */
  async countLiveLineages(developerId: string): Promise<number> {
    const rows = await this.db.client.$queryRaw<Array<{ lineages: number }>>(
      Prisma.sql`SELECT count(DISTINCT lineage_id)::int AS lineages FROM api_keys
                 WHERE developer_id = ${developerId} AND status <> 'REVOKED' AND application_id IS NULL`,
    );
    return rows[0]?.lineages ?? 0;
  }

  /** The live keys of a rotation lineage, oldest first. */
  async liveInLineage(lineageId: string): Promise<ApiKey[]> {
    const rows = await this.db.client.apiKey.findMany({ where: { lineageId, status: { not: 'REVOKED' } }, orderBy: { createdAt: 'asc' } });
    return rows.map(toApiKey);
  }

  /** Every key that exists at the gateway or is on its way there. */
  countLive(): Promise<number> {
    return this.db.client.apiKey.count({ where: { status: { not: 'REVOKED' } } });
  }

  /** Serialises key creations account-wide until the transaction ends (for the gateway's key limit). */
  async lockKeyCapacity(): Promise<void> {
    await this.db.client.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('keyport:key-capacity'))`);
  }

  async insert({ managed, ...key }: NewApiKey): Promise<ApiKey> {
    this.recent.forget(DEVELOPER_KEY_LISTS, key.developerId);
    return toApiKey(await this.db.client.apiKey.create({ data: { ...key, ...managed, status: 'PROVISIONING' } }));
  }

  /** The application's live managed key (the newest after a rotation) with its sealed value. */
  async liveManaged(applicationId: string): Promise<{ key: ApiKey; sealedValue: string | null } | null> {
    const row = await this.db.client.apiKey.findFirst({
      where: { applicationId, status: { not: 'REVOKED' } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    return row ? { key: toApiKey(row), sealedValue: row.sealedValue } : null;
  }

  /** The applications that hold a live managed key, in one read. */
  async applicationsWithLiveManagedKey(): Promise<Set<string>> {
    const rows = await this.db.client.apiKey.findMany({
      where: { applicationId: { not: null }, status: { not: 'REVOKED' } },
      select: { applicationId: true },
      distinct: ['applicationId'],
    });
    return new Set(rows.flatMap((row) => (row.applicationId === null ? [] : [row.applicationId])));
  }

  /** Every live managed key of the application (two during a rotation's grace). */
  async listLiveManaged(applicationId: string): Promise<ApiKey[]> {
    const rows = await this.db.client.apiKey.findMany({ where: { applicationId, status: { not: 'REVOKED' } }, orderBy: { createdAt: 'asc' } });
    return rows.map(toApiKey);
  }

  /**
   * Every key of the developer, oldest first, as read at most ROW_CACHE_TTL_MS ago by this process
   * (`GET /v1/keys`, polled by the portal while a key provisions). A status set by another process
   * (the worker's provisioning or expiry) shows within that bound, as the gateway's own does.
   */
  async listByDeveloper(developerId: string): Promise<readonly ApiKey[]> {
    return (await this.recent.read(DEVELOPER_KEY_LISTS, developerId, () => this.readListByDeveloper(developerId))) ?? [];
  }

  /** The lean read behind `listByDeveloper` (no Prisma pipeline on the hot path). */
  private async readListByDeveloper(developerId: string): Promise<ApiKey[]> {
    const rows = await this.lean.rows<KeyColumns>(Prisma.sql`
      SELECT id, developer_id AS "developerId", name, prefix, last4, status, lineage_id AS "lineageId",
             rotated_from_id AS "rotatedFromId", expires_at AS "expiresAt", revoked_at AS "revokedAt",
             gateway_key_id AS "gatewayKeyId", application_id AS "applicationId", created_at AS "createdAt"
      FROM api_keys WHERE developer_id = ${developerId} AND application_id IS NULL ORDER BY created_at, id`);
    return rows.map(toApiKey);
  }

  async listLiveByDeveloper(developerId: string): Promise<ApiKey[]> {
    const rows = await this.db.client.apiKey.findMany({ where: { developerId, status: { not: 'REVOKED' } }, orderBy: { createdAt: 'asc' } });
    return rows.map(toApiKey);
  }

  /** A key of the developer's own (an application's managed key is not theirs to rotate or revoke). */
  async findOwned(developerId: string, keyId: string): Promise<ApiKey | null> {
    const row = await this.db.client.apiKey.findFirst({ where: { id: keyId, developerId, applicationId: null } });
    return row ? toApiKey(row) : null;
  }

  /** Keyport's key and developer behind each gateway key id it knows. */
  async ownersByGatewayId(gatewayKeyIds: string[]): Promise<Map<string, { keyId: string; developerId: string }>> {
    const rows = await this.db.client.apiKey.findMany({
      where: { gatewayKeyId: { in: gatewayKeyIds } },
      select: { id: true, developerId: true, gatewayKeyId: true },
    });
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the where clause matches only rows with one of these ids
    return new Map(rows.map((row) => [row.gatewayKeyId!, { keyId: row.id, developerId: row.developerId }]));
  }

  /** Every key not revoked, as the gateway should hold it. */
  liveGatewayStates(): Promise<KeyGatewayState[]> {
    return this.db.client.apiKey.findMany({ where: { status: { not: 'REVOKED' } }, select: GATEWAY_STATE });
  }

  /** The keys with these ids, revoked ones included. */
  gatewayStatesByIds(keyIds: string[]): Promise<KeyGatewayState[]> {
    return this.db.client.apiKey.findMany({ where: { id: { in: keyIds } }, select: GATEWAY_STATE });
  }

  async findById(keyId: string): Promise<ApiKey | null> {
    const row = await this.db.client.apiKey.findUnique({ where: { id: keyId } });
    return row ? toApiKey(row) : null;
  }

  async scheduleExpiry(keyId: string, expiresAt: Date): Promise<void> {
    const row = await this.db.client.apiKey.update({ where: { id: keyId }, data: { expiresAt }, select: { developerId: true } });
    this.recent.forget(DEVELOPER_KEY_LISTS, row.developerId);
  }

  /** Revokes the key if it is still live; returns whether this call revoked it. */
  async revoke(keyId: string, at: Date): Promise<boolean> {
    const rows = await this.db.client.apiKey.updateManyAndReturn({
      where: { id: keyId, status: { not: 'REVOKED' } },
      data: { status: 'REVOKED', revokedAt: at, sealedValue: null },
      select: { developerId: true },
    });
    this.forgetListsOf(rows);
    return rows.length === 1;
  }

  async markProvisioned(keyId: string, gatewayKeyId: string): Promise<void> {
    const rows = await this.db.client.apiKey.updateManyAndReturn({ where: { id: keyId }, data: { gatewayKeyId }, select: { developerId: true } });
    await this.db.client.apiKey.updateMany({ where: { id: keyId, status: 'PROVISIONING' }, data: { status: 'ACTIVE' } });
    this.forgetListsOf(rows);
  }

  private forgetListsOf(rows: Array<{ developerId: string }>): void {
    for (const { developerId } of rows) this.recent.forget(DEVELOPER_KEY_LISTS, developerId);
  }

  async dueForExpiry(now: Date, limit: number): Promise<ApiKey[]> {
    const rows = await this.db.client.apiKey.findMany({
      where: { status: { not: 'REVOKED' }, expiresAt: { lte: now } },
      orderBy: { expiresAt: 'asc' },
      take: limit,
    });
    return rows.map(toApiKey);
  }
}

/** What an `ApiKey` is made of: the row without its hash. */
type KeyColumns = Omit<ApiKeyRow, 'hash' | 'updatedAt' | 'sealedValue'>;

function toApiKey(row: KeyColumns): ApiKey {
  return {
    id: row.id,
    developerId: row.developerId,
    name: row.name,
    prefix: row.prefix,
    last4: row.last4,
    status: row.status,
    lineageId: row.lineageId,
    rotatedFromId: row.rotatedFromId,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    gatewayKeyId: row.gatewayKeyId,
    applicationId: row.applicationId,
    createdAt: row.createdAt,
  };
}
