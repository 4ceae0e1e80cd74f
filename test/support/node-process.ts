import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface StartedProcess {
  child: ChildProcess;
  /** The match of `ready` in the process's stdout. */
  ready: RegExpMatchArray;
  output(): string;
  /** SIGTERM, then wait for the exit (SIGKILL after the deadline); resolves with how it ended. */
  stop(deadlineMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; killed: boolean }>;
}

/** Starts `node <script>` (with `nodeArgs` such as `--cpu-prof`) and waits until its stdout matches `ready`. */
export function startNodeProcess(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 90_000,
  nodeArgs: string[] = [],
): Promise<StartedProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        child,
        ready: match,
        output: () => out,
        stop: async (deadlineMs = 30_000) => {
          if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode, killed: false };
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
          const result = await exited;
          clearTimeout(killer);
          return { ...result, killed: result.signal === 'SIGKILL' };
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${out}`));
    });
  });
}

/** A port free right now (for listeners whose port must be known before they start). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
