import { stringify } from 'yaml';
import { badRequest } from './fake-aws-error';
import { type FakeRestApi, type FakeStage } from './fake-rest-apis';

/**
 * API Gateway's `GetExport` (GET /restapis/{id}/stages/{stage}/exports/{oas30|swagger}): the stage's
 * OpenAPI document made from its resources, in JSON or YAML as `Accept` asks, sent as an attachment.
 * Like AWS: info.title is the API's name, info.version the deployment's date, `servers` the stage's
 * default endpoint with its `basePath` variable, and every method requiring a key carries `api_key`.
 */
export function stageExport(api: FakeRestApi, stage: FakeStage, exportType: string, accept: string) {
  if (exportType !== 'oas30' && exportType !== 'swagger') throw badRequest(`Invalid export type: ${exportType}`);
  const document = exportType === 'oas30' ? oas30(api, stage) : { swagger: '2.0', info: { title: api.name }, paths: {} };
  const yaml = accept.includes('yaml');
  const name = `${api.name}-${stage.stageName}-${exportType}.${yaml ? 'yaml' : 'json'}`;
  return {
    text: yaml ? stringify(document) : JSON.stringify(document, null, 2),
    headers: { 'content-type': yaml ? 'application/yaml' : 'application/json', 'content-disposition': `attachment; filename="${name}"` },
  };
}

function oas30(api: FakeRestApi, stage: FakeStage) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const resource of api.resources) {
    for (const [verb, method] of Object.entries(resource.resourceMethods ?? {})) {
      if (verb === 'OPTIONS') continue;
      const parameters = [...resource.path.matchAll(/\{([^}+]+)\+?\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
      (paths[resource.path] ??= {})[verb.toLowerCase()] = {
        ...(parameters.length > 0 ? { parameters } : {}),
        responses: { '200': { description: '200 response', content: {} } },
        ...(method.apiKeyRequired ? { security: [{ api_key: [] }] } : {}),
      };
    }
  }
  return {
    openapi: '3.0.1',
    info: { title: api.name, version: '2026-12-01T00:00:00Z' },
    servers: [{ url: `https://${api.id}.execute-api.us-east-1.amazonaws.com/{basePath}`, variables: { basePath: { default: stage.stageName } } }],
    paths,
    components: { securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } },
  };
}
