import { Injectable } from '@nestjs/common';
import { type ApiDocumentRow, Db, type Prisma } from '@keyport/db';
import { type ApiDocument, type ApiSummary, type OpenApiObject } from './api-document';
import { type ParsedOpenApi } from './openapi-document.parser';

const SUMMARY = { slug: true, title: true, version: true, description: true, updatedAt: true } as const;

/** The `api_documents` table: one OpenAPI document per API slug. */
@Injectable()
export class ApiDocumentsRepository {
  constructor(private readonly db: Db) {}

  list(): Promise<ApiSummary[]> {
    return this.db.client.apiDocument.findMany({ select: SUMMARY, orderBy: [{ title: 'asc' }, { slug: 'asc' }] });
  }

  async find(slug: string): Promise<ApiDocument | null> {
    const row = await this.db.client.apiDocument.findUnique({ where: { slug } });
    return row ? toDocument(row) : null;
  }

  /** Creates or replaces; `created` says which. */
  async put(slug: string, parsed: ParsedOpenApi): Promise<{ document: ApiDocument; created: boolean }> {
    const existed = (await this.db.client.apiDocument.count({ where: { slug } })) > 0;
    const data = { title: parsed.title, version: parsed.version, description: parsed.description, document: parsed.document as Prisma.InputJsonObject };
    const row = await this.db.client.apiDocument.upsert({ where: { slug }, create: { slug, ...data }, update: data });
    return { document: toDocument(row), created: !existed };
  }

  /** Inserts the document unless the slug is taken (never overwrites the provider's own). */
  async insertMissing(slug: string, parsed: ParsedOpenApi): Promise<void> {
    await this.db.client.apiDocument.createMany({
      data: [{ slug, title: parsed.title, version: parsed.version, description: parsed.description, document: parsed.document as Prisma.InputJsonObject }],
      skipDuplicates: true,
    });
  }

  /** False when there was nothing to delete. */
  async delete(slug: string): Promise<boolean> {
    const deleted = await this.db.client.apiDocument.deleteMany({ where: { slug } });
    return deleted.count > 0;
  }
}

function toDocument(row: ApiDocumentRow): ApiDocument {
  return {
    slug: row.slug,
    title: row.title,
    version: row.version,
    description: row.description,
    updatedAt: row.updatedAt,
    document: row.document as OpenApiObject,
  };
}
