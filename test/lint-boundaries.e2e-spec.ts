import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const PROBE_LIB = path.join(ROOT, 'libs', 'zz-lint-probe');
const PROBE_APP = path.join(ROOT, 'apps', 'zz-lint-probe');

/**
 * The boundary rules of .dependency-cruiser.cjs and eslint.config.mjs, and typescript-eslint's strict
 * type-checked preset, fail on a deliberate violation: probe files that break one rule apiece are
 * written into the tree, checked with the project's own configs, and removed.
 */
describe('npm run lint: the import boundaries and the strict type-checked preset', () => {
  afterAll(async () => {
    await rm(PROBE_LIB, { recursive: true, force: true });
    await rm(PROBE_APP, { recursive: true, force: true });
  });

  it('reports a violation of every rule, each by name', async () => {
    const probes: Record<string, string> = {
      'apps/zz-lint-probe/src/imports-another-app.ts': "export { WorkerAppModule } from '../../worker/src/worker-app.module';\n",
      'libs/zz-lint-probe/src/imports-an-app.ts': "export { AppModule } from '../../../apps/portal-api/src/app.module';\n",
      'libs/zz-lint-probe/src/deep-import.ts': "export { KeysService } from '../../keys/src/keys.service';\n",
      'libs/zz-lint-probe/src/cycle-a.ts': "import { b } from './cycle-b';\nexport const a = (): number => b() + 1;\n",
      'libs/zz-lint-probe/src/cycle-b.ts': "import { a } from './cycle-a';\nexport const b = (): number => a() - 1;\n",
      'libs/zz-lint-probe/src/prisma.ts': "export { PrismaClient } from '@prisma/client';\n",
      'libs/zz-lint-probe/src/sdk.ts': "export { default as Stripe } from 'stripe';\n",
      // A lib's front that hands out a type from its repository; and an app that reaches another lib's repository.
      'libs/zz-lint-probe/src/probe.repository.ts': 'export interface ProbeRow {\n  id: string;\n}\n',
      'libs/zz-lint-probe/src/index.ts': "export { type ProbeRow } from './probe.repository';\n",
      'apps/zz-lint-probe/src/foreign-repository.ts': "export { KeysRepository } from '../../../libs/keys/src/keys.repository';\n",
    };
    for (const [file, text] of Object.entries(probes)) {
      await mkdir(path.dirname(path.join(ROOT, file)), { recursive: true });
      await writeFile(path.join(ROOT, file), text);
    }
    const cruise = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        'libs/zz-lint-probe',
        'apps/zz-lint-probe',
        '--config',
        '.dependency-cruiser.cjs',
        '--output-type',
        'json',
      ],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { stdout: string }) => error);
    const result = JSON.parse(cruise.stdout) as { summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> } };
    const broken = new Set(result.summary.violations.map((violation) => `${violation.rule.name} ${violation.from}`));
    expect([...broken].sort()).toEqual(
      expect.arrayContaining([
        'apps-not-each-other apps/zz-lint-probe/src/imports-another-app.ts',
        'libs-not-apps libs/zz-lint-probe/src/imports-an-app.ts',
        'lib-through-its-index libs/zz-lint-probe/src/deep-import.ts',
        'no-cycles libs/zz-lint-probe/src/cycle-a.ts',
        'prisma-only-in-db libs/zz-lint-probe/src/prisma.ts',
        'sdks-only-in-adapters libs/zz-lint-probe/src/sdk.ts',
        'index-exports-no-repository libs/zz-lint-probe/src/index.ts',
        'lib-through-its-index apps/zz-lint-probe/src/foreign-repository.ts',
      ]),
    );
  }, 300_000);

  it('refuses a read of process.env outside libs/config', async () => {
    const file = 'libs/zz-lint-probe/src/reads-env.ts';
    await mkdir(path.dirname(path.join(ROOT, file)), { recursive: true });
    await writeFile(path.join(ROOT, file), 'export const port = process.env.PORT;\n');
    // The boundary rule alone: without typescript-eslint's type information this takes a second.
    expect(await eslintRules(file, { KEYPORT_LINT_TYPES: '0' })).toEqual(['no-restricted-properties']);
  }, 300_000);

  it("applies typescript-eslint's strict type-checked preset: a floating promise fails", async () => {
    const file = 'libs/zz-lint-probe/src/floating-promise.ts';
    await mkdir(path.dirname(path.join(ROOT, file)), { recursive: true });
    await writeFile(path.join(ROOT, file), 'export function save(write: () => Promise<void>): void {\n  write();\n}\n');
    expect(await eslintRules(file)).toEqual(['@typescript-eslint/no-floating-promises']);
  }, 300_000);
});

/** The rules ESLint, with the project's config, reports on one file. */
async function eslintRules(file: string, env: Record<string, string> = {}): Promise<string[]> {
  const lint = await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', file], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).catch((error: { stdout: string }) => error);
  const [result] = JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
  return result.messages.map((message) => message.ruleId);
}
