import { Injectable } from '@nestjs/common';
import { Db, Prisma, RecentRows } from '@keyport/db';
import { type Application, type ApplicationCaller } from './application';

/** The cache namespace of application rows read by the gateway: every write must forget the client id. */
const APPLICATION_ROWS = 'application';

type ApplicationRow = Prisma.ApplicationGetPayload<object>;

export interface NewApplication {
  id: string;
  developerId: string;
  name: string;
  kind: Application['kind'];
  clientId: string;
  scopes: string[];
}

/** The `applications` table, which this lib alone writes. */
@Injectable()
export class ApplicationsRepository {
  constructor(
    private readonly db: Db,
    private readonly recent: RecentRows,
  ) {}

  /** Locks the owner's applications for the transaction, so two creations cannot both pass the limit. */
  async lockOwner(developerId: string): Promise<void> {
    await this.db.client.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${`applications:${developerId}`}))`);
  }

  countLive(developerId?: string): Promise<number> {
    return this.db.client.application.count({ where: { deletedAt: null, ...(developerId ? { developerId } : {}) } });
  }

  async insert(application: NewApplication): Promise<Application> {
    return toApplication(await this.db.client.application.create({ data: application }));
  }

  async listOwned(developerId: string, kind: Application['kind']): Promise<Application[]> {
    const rows = await this.db.client.application.findMany({ where: { developerId, kind, deletedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toApplication);
  }

  /** The client ids of every application the developer ever had, deleted ones included. */
  async clientIdsOf(developerId: string): Promise<string[]> {
    const rows = await this.db.client.application.findMany({ where: { developerId, kind: 'APPLICATION' }, select: { clientId: true } });
    return rows.map((row) => row.clientId);
  }

  /** Every live application of a kind, whoever owns it (the console lists all service accounts). */
  async listKind(kind: Application['kind']): Promise<Application[]> {
    const rows = await this.db.client.application.findMany({ where: { kind, deletedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toApplication);
  }

  async findOwned(developerId: string, id: string, kind: Application['kind']): Promise<(Application & { retiringSecretId: string | null }) | null> {
    const row = await this.db.client.application.findFirst({ where: { id, developerId, kind, deletedAt: null } });
    return row ? { ...toApplication(row), retiringSecretId: row.retiringSecretId } : null;
  }

  async setRetiringSecret(id: string, clientId: string, secretId: string | null, endsAt: Date | null): Promise<void> {
    await this.db.client.application.update({ where: { id }, data: { retiringSecretId: secretId, retiringSecretEndsAt: endsAt } });
    this.recent.forget(APPLICATION_ROWS, clientId);
  }

  /** Marks it deleted; its tokens are refused from the commit on (in this process, at once). */
  async markDeleted(id: string, clientId: string, at: Date): Promise<void> {
    await this.db.client.application.update({ where: { id }, data: { deletedAt: at } });
    this.recent.forget(APPLICATION_ROWS, clientId);
  }

  dueSecretRetirements(now: Date, limit: number): Promise<Array<{ id: string; clientId: string; retiringSecretId: string }>> {
    return this.db.client.application
      .findMany({
        where: { retiringSecretEndsAt: { lte: now }, retiringSecretId: { not: null } },
        select: { id: true, clientId: true, retiringSecretId: true },
        take: limit,
      })
      .then((rows) => rows.flatMap((r) => (r.retiringSecretId ? [{ id: r.id, clientId: r.clientId, retiringSecretId: r.retiringSecretId }] : [])));
  }

  /** The live application behind a client id, as read at most ROW_CACHE_TTL_MS ago (never older than this process's writes). */
  findCaller(clientId: string): Promise<ApplicationCaller | null> {
    return this.recent.read(APPLICATION_ROWS, clientId, async () => {
      const row = await this.db.client.application.findUnique({
        where: { clientId },
        select: { id: true, developerId: true, kind: true, name: true, deletedAt: true },
      });
      return row && !row.deletedAt ? { applicationId: row.id, developerId: row.developerId, kind: row.kind, name: row.name } : null;
    });
  }
}

function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    developerId: row.developerId,
    name: row.name,
    kind: row.kind,
    clientId: row.clientId,
    scopes: [...row.scopes],
    retiringSecretEndsAt: row.retiringSecretEndsAt,
    createdAt: row.createdAt,
  };
}
