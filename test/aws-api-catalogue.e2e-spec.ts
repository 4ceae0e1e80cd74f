import { describe, expect, it } from 'vitest';
import { type FakeApiGateway } from './fakes/api-gateway/fake-api-gateway';
import { adminToken, expectErrorShape } from './support/journey';
import { useAwsKeyport } from './support/aws-keyport';

const REST_API = 'a1b2c3d4e5';

function seedOrdersApi(fake: FakeApiGateway): void {
  const method = { httpMethod: 'GET', authorizationType: 'NONE' as const, apiKeyRequired: true };
  fake.restApis.addApi({
    id: REST_API,
    name: 'Orders',
    endpointConfiguration: { types: ['REGIONAL'] },
    authorizers: [],
    resources: [
      { id: 'root000000', path: '/' },
      {
        id: 'orders0000',
        parentId: 'root000000',
        path: '/orders',
        pathPart: 'orders',
        resourceMethods: { GET: method, POST: { ...method, httpMethod: 'POST' } },
      },
      { id: 'order00000', parentId: 'orders0000', path: '/orders/{orderId}', pathPart: '{orderId}', resourceMethods: { GET: method } },
    ],
    stages: [{ stageName: 'prod', deploymentId: 'dep0000001' }],
  });
}

describe('API catalogue on the aws driver: import a stage export (GetExport oas30)', () => {
  const aws = useAwsKeyport();

  it("publishes the stage's own export, servers at each API stage's invoke URL, and re-imports in place", async () => {
    seedOrdersApi(aws.fake);
    const admin = await adminToken(aws.http);
    const imported = await aws.http.post('/v1/admin/apis/orders/import', { restApiId: REST_API, stage: 'prod' }, { token: admin });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body).toMatchObject({ slug: 'orders', title: 'Orders', created: true });
    expect(aws.fake.count('GetExport')).toBe(1);

    const api = await aws.http.get('/v1/apis/orders');
    expect(api.status).toBe(200);
    expect(api.body.document.openapi).toBe('3.0.1');
    expect(Object.keys(api.body.document.paths).sort()).toEqual(['/orders', '/orders/{orderId}']);
    expect(api.body.document.paths['/orders/{orderId}'].get.parameters[0]).toMatchObject({ name: 'orderId', in: 'path' });
    // API_STAGES is a1b2c3d4e5:prod: its default endpoint, not the export's templated one.
    expect(api.body.document.servers).toEqual([{ url: `https://${REST_API}.execute-api.us-east-1.amazonaws.com/prod` }]);

    const again = await aws.http.post('/v1/admin/apis/orders/import', { restApiId: REST_API, stage: 'prod' }, { token: admin });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
  });

  it('answers 404 for a stage API Gateway does not have, 400 for a malformed one, 503 when API Gateway refuses Keyport', async () => {
    const admin = await adminToken(aws.http);
    const missing = await aws.http.post('/v1/admin/apis/ghost/import', { restApiId: REST_API, stage: 'staging' }, { token: admin });
    expect(missing.status).toBe(404);
    expectErrorShape(missing.body, 404);
    const malformed = await aws.http.post('/v1/admin/apis/ghost/import', { restApiId: 'Not An Id', stage: 'prod' }, { token: admin });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.map((d: any) => d.field)).toContain('restApiId');
    aws.fake.denied.add('GetExport');
    try {
      const denied = await aws.http.post('/v1/admin/apis/ghost/import', { restApiId: REST_API, stage: 'prod' }, { token: admin });
      expect(denied.status).toBe(503);
      expectErrorShape(denied.body, 503);
      expect(denied.body.message).toContain('AccessDeniedException');
    } finally {
      aws.fake.denied.delete('GetExport');
    }
    expect((await aws.http.get('/v1/apis/ghost')).status).toBe(404);
  });

  it('seeds no echo demo: the aws driver has no built-in echo', async () => {
    const list = await aws.http.get('/v1/apis');
    expect(list.body.map((api: any) => api.slug)).not.toContain('echo-demo');
  });
});
