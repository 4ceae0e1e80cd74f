import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { KeyportHarness } from './support/keyport-harness';

const run = promisify(execFile);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

describe('the OpenAPI document at /docs-json', () => {
  let harness: KeyportHarness;
  let document: any;
  let dir: string;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    document = (await new HttpClient(harness.baseUrl).get('/docs-json')).body;
    dir = await mkdtemp(path.join(tmpdir(), 'kp-openapi-'));
  });

  afterAll(async () => {
    await harness?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes Redocly lint with its recommended rules and no errors', async () => {
    const file = path.join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const redocly = path.resolve('node_modules/.bin/redocly');
    const result = await run(redocly, ['lint', file, '--extends=recommended', '--format=json'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
    const report = JSON.parse(result.stdout) as { problems: Array<{ severity: string; ruleId: string; message: string; location: unknown }> };
    const errors = report.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => `${problem.ruleId}: ${problem.message} ${JSON.stringify(problem.location)}`)).toEqual([]);
  });

  it('documents error responses, in the one error shape, on every route', () => {
    const missing: string[] = [];
    for (const [route, item] of Object.entries<any>(document.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        const errors = Object.entries<any>(item[method].responses ?? {}).filter(([status]) => /^[45]\d\d$/.test(status));
        if (errors.length === 0) missing.push(`${method.toUpperCase()} ${route}`);
        for (const [status, response] of errors) {
          if (response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBodyDto') missing.push(`${method.toUpperCase()} ${route} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(document.paths).length).toBeGreaterThan(8);
  });
});
