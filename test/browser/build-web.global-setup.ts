import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The browser suites run against the built portal: build it first (a no-op when it is up to date). */
export default function buildWebApp(): void {
  execFileSync(process.execPath, [path.resolve('scripts/build-web.cjs')], { stdio: 'inherit' });
}
