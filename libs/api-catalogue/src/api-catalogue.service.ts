import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { conflict, notFound } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { Transactions } from '@keyport/db';
import { type ApiDocument, type ApiStage, type ApiSummary } from './api-document';
import { ApiDocumentsRepository } from './api-documents.repository';
import { AwsApiExports } from './aws/aws-api-exports';
import { ECHO_DEMO_DOCUMENT, ECHO_DEMO_SLUG } from './echo-demo.document';
import { GatewayServers } from './gateway-servers';
import { parseOpenApi } from './openapi-document.parser';

/** The provider's API catalogue: OpenAPI documents admins publish, developers read (with `servers` at the gateway). */
@Injectable()
export class ApiCatalogueService {
  constructor(
    private readonly config: AppConfig,
    private readonly documents: ApiDocumentsRepository,
    private readonly servers: GatewayServers,
    private readonly exports: AwsApiExports,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
  ) {}

  list(): Promise<ApiSummary[]> {
    return this.documents.list();
  }

  /** The document with its `servers` replaced by the gateway's URLs, which is where callers go. */
  async get(slug: string): Promise<ApiDocument> {
    const found = await this.documents.find(slug);
    if (!found) throw notFound('API');
    const servers = this.servers.urls().map((url) => ({ url }));
    return { ...found, document: { ...found.document, servers } };
  }

  /** Publishes or replaces `slug` from YAML/JSON text or a parsed JSON body; invalid input changes nothing. */
  async put(slug: string, body: unknown): Promise<{ api: ApiSummary; created: boolean }> {
    const parsed = parseOpenApi(body);
    return this.transactions.run(async () => {
      const { document, created } = await this.documents.put(slug, parsed);
      await this.audit.record({
        action: created ? 'api.published' : 'api.replaced',
        targetType: 'api',
        targetId: slug,
        after: { title: document.title, version: document.version },
      });
      return { api: summaryOf(document), created };
    });
  }

  async delete(slug: string): Promise<void> {
    await this.transactions.run(async () => {
      const before = await this.documents.find(slug);
      if (!before || !(await this.documents.delete(slug))) throw notFound('API');
      await this.audit.record({ action: 'api.deleted', targetType: 'api', targetId: slug, before: { title: before.title, version: before.version } });
    });
  }

  /** AWS driver: publishes the stage's own export, so the reference matches what is deployed. */
  async import(slug: string, stage: ApiStage): Promise<{ api: ApiSummary; created: boolean }> {
    if (this.config.gatewayDriver !== 'aws') throw conflict('Import reads an API Gateway stage: it needs GATEWAY_DRIVER=aws', 'API_IMPORT_NEEDS_AWS');
    return this.put(slug, await this.exports.read(stage));
  }

  /** The embedded default's demo document, unless an admin already used the slug or deleted nothing. */
  async ensureEchoDemo(): Promise<void> {
    await this.documents.insertMissing(ECHO_DEMO_SLUG, parseOpenApi(ECHO_DEMO_DOCUMENT));
  }

  /** The gateway's origins, for the portal's Content-Security-Policy `connect-src`. */
  gatewayOrigins(): string[] {
    return this.servers.origins();
  }
}

function summaryOf(document: ApiDocument): ApiSummary {
  return { slug: document.slug, title: document.title, version: document.version, description: document.description, updatedAt: document.updatedAt };
}
