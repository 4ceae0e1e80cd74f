import { spawnSync } from 'node:child_process';

/**
 * Runs a check of a local service in a child process and waits for it, so that a suite can decide
 * `describe.skipIf` while vitest collects it (the test files are CommonJS: no top-level await).
 * The script exits 0 when the service answers; `args` reach it as process.argv[1...].
 */
export function answersNow(script: string, args: string[] = [], timeoutMs = 5_000): boolean {
  return spawnSync(process.execPath, ['-e', script, ...args], { stdio: 'ignore', timeout: timeoutMs }).status === 0;
}

const POSTGRES_CHECK = `
const { Client } = require('pg');
const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 2000 });
client.connect().then(() => client.end()).then(() => process.exit(0), () => process.exit(1));
`;

/** Whether a PostgreSQL server answers at this URL, known before the suite is collected. */
export function postgresAnswersNow(url: string): boolean {
  return answersNow(POSTGRES_CHECK, [url]);
}
