import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The worker compiled with tsc (emit only, with decorator metadata; `npm run build` uses SWC), in a private folder under
 * node_modules/.cache so tests never touch dist/, plus a preload that resolves `@keyport/*`.
 */
export class CompiledWorker {
  private constructor(readonly outDir: string) {}

  static async build(): Promise<CompiledWorker> {
    const outDir = path.join(ROOT, 'node_modules', '.cache', `keyport-worker-${process.pid}`);
    // --noCheck: `npm test` type-checks already; this only emits.
    await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir, '--noCheck'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: Error & { stdout?: string; stderr?: string }) => {
      // tsc says what went wrong on stdout; without it a CI log shows only "Command failed".
      throw new Error(`${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });
    const aliases = `const Module = require('module');
const path = require('path');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@keyport\\/([a-z-]+)$/.exec(request);
  if (match) request = path.join(${JSON.stringify(outDir)}, match[1] === 'worker' ? 'apps/worker/src/index.js' : \`libs/\${match[1]}/src/index.js\`);
  return resolve.call(this, request, ...rest);
};`;
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, 'aliases.cjs'), aliases);
    return new CompiledWorker(outDir);
  }

  /** Starts a compiled entry point (relative to the project, e.g. `apps/worker/src/main.js`). */
  start(entry: string, env: Record<string, string>, args: string[] = []): ChildProcess {
    return spawn(process.execPath, ['-r', path.join(this.outDir, 'aliases.cjs'), path.join(this.outDir, entry), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** Runs a compiled command to its end and returns its exit code and output. */
  async run(entry: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = this.start(entry, env, args);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { code, stdout, stderr };
  }
}
