import { tmpdir } from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One folder per run for the logs of every app the tests start; the last group audits them. Kept in
// the environment because vitest evaluates this file more than once per run.
process.env.KEYPORT_TEST_LOG_DIR ??= path.join(tmpdir(), 'keyport-test-logs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
const logDir = process.env.KEYPORT_TEST_LOG_DIR;

// Vite 8 keeps decorator metadata (Nest's injection needs it) and resolves tsconfig paths itself.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    env: {
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      KEYPORT_TEST_LOG_DIR: logDir,
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['libs/**/*.spec.ts', 'apps/**/*.spec.ts', 'scripts/**/*.spec.ts'],
          // The migration and schema-drift specs run the real PGlite and Prisma schema engine
          // (WebAssembly): over a minute each on a busy 2-core machine.
          testTimeout: 180_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'web',
          // The portal's components in a simulated DOM (happy-dom: jsdom 27+ needs Node 22).
          include: ['apps/portal-web/src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['apps/portal-web/src/testing/setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e-spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each suite starts its own app, database and cognito-local; two at a time fits 2 cores.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // The built portal served by the started app, driven by Debian's Chromium (skipped, saying so, without it).
          include: ['test/browser/**/*.browser-spec.ts'],
          globalSetup: ['test/browser/build-web.global-setup.ts'],
          setupFiles: ['test/browser/support/report-failures.ts'],
          // A poll waits as long as a Playwright action would (vitest's default, 1 s, is less than one
          // debounced search plus its round trip on a busy CI machine).
          expect: { poll: { timeout: 30_000 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          // After the API suites: a browser measures nothing well on cores they keep busy.
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'log-audit',
          include: ['test/**/*.audit-spec.ts'],
          testTimeout: 60_000,
          // After every other suite: it reads the logs they left.
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
