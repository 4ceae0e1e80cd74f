import { describe, expect, it } from 'vitest';
import { type AuditLog } from '@keyport/audit';
import { type AppConfig } from '@keyport/config';
import { FakeTransactions } from '../../../test/support/fake-transactions';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { ApiCatalogueService } from './api-catalogue.service';
import { type ApiDocument } from './api-document';
import { type ApiDocumentsRepository } from './api-documents.repository';
import { type AwsApiExports } from './aws/aws-api-exports';
import { ECHO_DEMO_SLUG } from './echo-demo.document';
import { type GatewayServers } from './gateway-servers';
import { type ParsedOpenApi } from './openapi-document.parser';

const UPDATED = new Date('2026-03-18T10:00:00Z');
const PETS = { openapi: '3.0.3', info: { title: 'Pets', version: '1.2.0', description: 'All the pets' }, paths: {} };
const STORED: ApiDocument = {
  slug: 'pets',
  title: 'Pets',
  version: '1.0.0',
  description: null,
  updatedAt: UPDATED,
  document: { openapi: '3.0.3', info: { title: 'Pets', version: '1.0.0' }, paths: {}, servers: [{ url: 'https://upstream.internal' }] },
};

function world(options: { driver?: 'local' | 'aws'; stored?: ApiDocument | null; existed?: boolean; deletes?: boolean } = {}) {
  const transactions = new FakeTransactions();
  const effects: string[] = [];
  const inside = (effect: string) => effects.push(`${effect}${transactions.open ? '' : ' (outside the transaction)'}`);
  const stored = options.stored === undefined ? STORED : options.stored;
  const documents = strictFake<ApiDocumentsRepository>('ApiDocumentsRepository', {
    list: recorder(async () => [STORED]),
    find: recorder(async () => (inside('find'), stored)),
    put: recorder(async (slug: string, parsed: ParsedOpenApi) => {
      inside('put');
      return { document: { slug, ...parsed, updatedAt: UPDATED }, created: !options.existed };
    }),
    delete: recorder(async () => (inside('delete'), options.deletes ?? true)),
    insertMissing: recorder(async () => undefined),
  });
  const servers = strictFake<GatewayServers>('GatewayServers', {
    urls: () => ['https://api.example.com/v1', 'https://api.example.com/v2'],
    origins: () => ['https://api.example.com'],
  });
  const exports = strictFake<AwsApiExports>('AwsApiExports', { read: recorder(async () => (inside('export'), JSON.stringify(PETS))) });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async () => void inside('audit')) });
  const config = { gatewayDriver: options.driver ?? 'local' } as AppConfig;
  const service = new ApiCatalogueService(config, documents, servers, exports, audit, transactions.asTransactions());
  return { service, documents, exports, audit, effects, transactions };
}

describe('ApiCatalogueService', () => {
  it("answers a document with its `servers` replaced by the gateway's URLs, leaving the rest as published", async () => {
    const { service } = world();
    const found = await service.get('pets');
    expect(found.document).toEqual({
      openapi: '3.0.3',
      info: { title: 'Pets', version: '1.0.0' },
      paths: {},
      servers: [{ url: 'https://api.example.com/v1' }, { url: 'https://api.example.com/v2' }],
    });
    expect(STORED.document.servers).toEqual([{ url: 'https://upstream.internal' }]);
  });

  it('answers NOT_FOUND for an API nobody published', async () => {
    const { service } = world({ stored: null });
    await expect(service.get('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('publishes a new document and audits it as published, in one transaction, answering its summary', async () => {
    const { service, documents, audit, effects } = world();
    const { api, created } = await service.put('pets', PETS);
    expect(created).toBe(true);
    expect(api).toEqual({ slug: 'pets', title: 'Pets', version: '1.2.0', description: 'All the pets', updatedAt: UPDATED });
    expect(documents.put).toHaveProperty('calls', [['pets', { title: 'Pets', version: '1.2.0', description: 'All the pets', document: PETS }]]);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'api.published', targetType: 'api', targetId: 'pets', after: { title: 'Pets', version: '1.2.0' } }],
    ]);
    expect(effects).toEqual(['put', 'audit']);
  });

  it('audits a replaced document as replaced', async () => {
    const { service, audit } = world({ existed: true });
    expect((await service.put('pets', PETS)).created).toBe(false);
    expect(audit.record).toHaveProperty('calls.0.0.action', 'api.replaced');
  });

  it('refuses a document that is not OpenAPI 3 (API_DOCUMENT_INVALID) and changes nothing', async () => {
    const { service, transactions } = world();
    await expect(service.put('pets', { swagger: '2.0', info: { title: 'Old', version: '1' }, paths: {} })).rejects.toMatchObject({
      code: 'API_DOCUMENT_INVALID',
    });
    expect(transactions.runs).toBe(0);
  });

  it('deletes a document and audits what it was, in one transaction', async () => {
    const { service, audit, effects } = world();
    await service.delete('pets');
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'api.deleted', targetType: 'api', targetId: 'pets', before: { title: 'Pets', version: '1.0.0' } }],
    ]);
    expect(effects).toEqual(['find', 'delete', 'audit']);
  });

  it('answers NOT_FOUND for deleting an unknown document, or one deleted meanwhile, and audits nothing', async () => {
    const { service: unknown, effects } = world({ stored: null });
    await expect(unknown.delete('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(effects).toEqual(['find']);
    const { service: raced, audit } = world({ deletes: false });
    await expect(raced.delete('pets')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(audit.record).toHaveProperty('calls', []);
  });

  it("imports the stage's own export on the AWS driver, published like any document", async () => {
    const { service, exports, effects } = world({ driver: 'aws' });
    const stage = { restApiId: 'abc123', stage: 'prod' };
    expect(await service.import('pets', stage)).toMatchObject({ api: { slug: 'pets', version: '1.2.0' }, created: true });
    expect(exports.read).toHaveProperty('calls', [[stage]]);
    expect(effects).toEqual(['export (outside the transaction)', 'put', 'audit']);
  });

  it('refuses an import on the local driver (API_IMPORT_NEEDS_AWS) without reading anything', async () => {
    const { service, exports } = world({ driver: 'local' });
    await expect(service.import('pets', { restApiId: 'abc123', stage: 'prod' })).rejects.toMatchObject({ kind: 'CONFLICT', code: 'API_IMPORT_NEEDS_AWS' });
    expect(exports.read).toHaveProperty('calls', []);
  });

  it('seeds the echo demo only where its slug is free (insertMissing), and lists and answers origins as stored', async () => {
    const { service, documents } = world();
    await service.ensureEchoDemo();
    expect(documents.insertMissing).toHaveProperty('calls.0.0', ECHO_DEMO_SLUG);
    expect(documents.insertMissing).toHaveProperty('calls.0.1.title', 'Echo (demo)');
    expect(await service.list()).toEqual([STORED]);
    expect(service.gatewayOrigins()).toEqual(['https://api.example.com']);
  });
});
