import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@keyport/common';
import { HttpClient } from './support/http-client';
import { resolveResponse } from './support/openapi-document';
import { KeyportHarness } from './support/keyport-harness';

const run = promisify(execFile);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const BIN = (name: string) => path.resolve('node_modules/.bin', name);
const QUIET = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

/**
 * The one exception to Redocly's recommended rules, said here rather than hidden in a config: the
 * health probes take no token, no body and no rate limit, so they answer no 4xx, and documenting
 * one would be false.
 */
const NO_4XX = new Set(['/health/live', '/health/ready']);
/** Numbers that really are fractional. */
const FRACTIONAL = new Set([
  'ThrottleDto.rateLimit',
  'ThrottleInputDto.rateLimit',
  'DeveloperUsageDto.share',
  'UtilizationItemDto.share',
  'QuotaUtilizationDto.threshold',
  'query threshold',
]);
/** Ids that are not UUIDs: Stripe's, the audit log's sequence, a request id, an id of any kind of party. */
const NOT_UUID = new Set([
  'InvoiceDto.id',
  'AuditEntryDto.id',
  'AuditPartyDto.id',
  'AuditEntryDto.requestId',
  'AdminBillingStatusDto.customerId',
  'AdminBillingStatusDto.subscriptionId',
  'AdminTierDto.stripePriceId',
  'SignUpResponseDto.userId',
  // Cognito's app client ids are not UUIDs.
  'ApplicationDto.clientId',
  'IssuedApplicationDto.clientId',
  // API Gateway's REST API ids are ten lowercase letters and digits.
  'ImportApiDto.restApiId',
  // The admin who started a gateway job run may be a service account: a Cognito app client id.
  'UsageIngestionRunDto.adminId',
  'ReconciliationRunDto.adminId',
  'RunningJobDto.adminId',
]);
/** Present only with `pendingTier`, and then possibly null: optional and nullable is the truth. */
const OPTIONAL_NULLABLE = new Set(['TierChangedDto.effectiveAt']);

interface Operation {
  route: string;
  method: string;
  operation: any;
}

describe('the OpenAPI document at /docs-json', () => {
  let harness: KeyportHarness;
  let document: any;
  let dir: string;
  let file: string;
  let operations: Operation[];

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    document = (await new HttpClient(harness.baseUrl).get('/docs-json')).body;
    dir = await mkdtemp(path.join(tmpdir(), 'kp-openapi-'));
    file = path.join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    operations = Object.entries<any>(document.paths).flatMap(([route, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({ route, method, operation: item[method] })),
    );
  });

  afterAll(async () => {
    await harness?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("passes Redocly's recommended rules without a single problem", async () => {
    const result = await run(BIN('redocly'), ['lint', file, '--extends=recommended', '--format=json'], { env: QUIET, maxBuffer: 16 * 1024 * 1024 }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    const report = JSON.parse(result.stdout) as {
      problems: Array<{ severity: string; ruleId: string; message: string; location: Array<{ pointer: string }> }>;
    };
    const excused = (problem: (typeof report.problems)[number]) =>
      problem.ruleId === 'operation-4xx-response' &&
      [...NO_4XX].some((route) => problem.location[0]?.pointer.startsWith(`#/paths/${route.replaceAll('/', '~1')}/`));
    const problems = report.problems.filter((problem) => !excused(problem));
    expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} ${JSON.stringify(problem.location)}`)).toEqual([]);
  });

  it("passes Spectral's spectral:oas ruleset without a single result", async () => {
    const out = path.join(dir, 'spectral.json');
    await run(BIN('spectral'), ['lint', file, '--ruleset', path.resolve('.spectral.yaml'), '--format', 'json', '--output', out, '--fail-severity', 'hint'], {
      env: QUIET,
    }).catch(() => undefined);
    const results = JSON.parse(await readFile(out, 'utf8')) as Array<{ code: string; message: string; path: string[] }>;
    expect(results.map((result) => `${result.code}: ${result.message} at ${result.path.join('.')}`)).toEqual([]);
  });

  it('gives every operation a summary, a description and a declared tag, and every tag a description', () => {
    const declared = new Map<string, string>(document.tags.map((tag: { name: string; description: string }) => [tag.name, tag.description]));
    expect([...declared.values()].every((description) => description.length > 20)).toBe(true);
    const lacking = operations
      .filter(
        ({ operation }) => !operation.summary || !(operation.description?.length > 20) || operation.tags?.length !== 1 || !declared.has(operation.tags[0]),
      )
      .map(({ method, route }) => `${method.toUpperCase()} ${route}`);
    expect(lacking).toEqual([]);
    expect(operations.length).toBeGreaterThan(30);
  });

  it('documents on every operation the errors it can answer, in the one error shape, with their codes and what they mean', () => {
    const missing: string[] = [];
    for (const { route, method, operation } of operations) {
      const name = `${method.toUpperCase()} ${route}`;
      const responses = operation.responses;
      const expected = [
        500,
        ...(operation.security?.length ? [401] : []),
        ...(method === 'get' ? [] : [413, 415]),
        ...(route.startsWith('/health/') ? [] : [429]),
      ];
      for (const status of expected) if (!responses[status]) missing.push(`${name} lacks ${status}`);
      const tokenCodes = resolveResponse(document, responses[401])?.['x-error-codes'] ?? [];
      if (operation.security?.length && !['TOKEN_MISSING', 'TOKEN_INVALID', 'TOKEN_EXPIRED'].every((code) => tokenCodes.includes(code))) {
        missing.push(`${name} 401 codes`);
      }
      for (const [status, reference] of Object.entries<any>(responses).filter(([status]) => /^[45]\d\d$/.test(status))) {
        const response = resolveResponse(document, reference);
        const schema = status === '402' ? '#/components/schemas/PaymentRequiredBodyDto' : '#/components/schemas/ErrorBodyDto';
        if (response.content?.['application/json']?.schema?.$ref !== schema) missing.push(`${name} ${status} schema`);
        const codes: string[] = response['x-error-codes'] ?? [];
        if (codes.length === 0) missing.push(`${name} ${status} has no codes`);
        for (const code of codes) {
          if (!(code in ERROR_CODES)) missing.push(`${name} ${status} ${code} is not in the catalogue`);
          if (!response.description.includes(`\`${code}\`: ${ERROR_CODES[code as keyof typeof ERROR_CODES]}`))
            missing.push(`${name} ${status} ${code} undescribed`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(document.paths['/v1/me/tier'].put.responses['402']).toBeDefined();
    expect(document.components.schemas.PaymentRequiredBodyDto.required).toContain('checkoutUrl');
    expect(document.paths['/v1/keys'].post.responses['403']['x-error-codes']).toEqual([
      'NOT_A_DEVELOPER',
      'ACCOUNT_SUSPENDED',
      'ACCOUNT_DELETED',
      'DEVELOPER_PENDING',
    ]);
    expect(resolveResponse(document, document.paths['/v1/keys'].post.responses['401']).headers['WWW-Authenticate']).toBeDefined();
    expect(document.paths['/v1/auth/login'].post.responses['401']['x-error-codes']).toEqual([
      'BAD_CREDENTIALS',
      'ACCOUNT_NOT_CONFIRMED',
      'NEW_PASSWORD_REQUIRED',
    ]);
    expect(document.paths['/v1/admin/developers'].get.responses['403']['x-error-codes']).toEqual(['NOT_AN_ADMIN']);
  });

  it('types its values for generators: integers with bounds, formats for dates and ids, nullable fields required', () => {
    const wrong: string[] = [];
    const check = (name: string, property: string, schema: any, required: boolean) => {
      if (schema.type === 'number' && !FRACTIONAL.has(name)) wrong.push(`${name} is a number, not an integer`);
      if (schema.nullable && !required && !OPTIONAL_NULLABLE.has(name)) wrong.push(`${name} is nullable but optional`);
      if (schema.type === 'string' && /(^id|Id)$/.test(property) && schema.format !== 'uuid' && !NOT_UUID.has(name))
        wrong.push(`${name} is an id without format uuid`);
      if (schema.type === 'string' && /(At|^at|Start|End|Since)$/.test(property) && schema.format !== 'date-time')
        wrong.push(`${name} has no format date-time`);
      if (schema.type === 'string' && /^(date|from|to)$/.test(property) && !['date', 'date-time'].includes(schema.format))
        wrong.push(`${name} has no date format`);
    };
    for (const [schemaName, schema] of Object.entries<any>(document.components.schemas)) {
      for (const [property, value] of Object.entries<any>(schema.properties ?? {})) {
        check(`${schemaName}.${property}`, property, value, (schema.required ?? []).includes(property));
      }
    }
    for (const { route, method, operation } of operations) {
      for (const parameter of operation.parameters ?? []) {
        const name = `${parameter.in} ${parameter.name}`;
        check(name, parameter.name, parameter.schema, true);
        if (parameter.schema.type === 'integer' && (parameter.schema.minimum === undefined || parameter.schema.maximum === undefined)) {
          wrong.push(`${method.toUpperCase()} ${route} ${name} has no bounds`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
