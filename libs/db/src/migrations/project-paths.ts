import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The project root is the nearest folder holding prisma/schema.prisma, searched upwards from this
 * file (works from source under vitest/tsx and from a compiled dist/ folder) and then from the
 * working directory (a bundled or relocated build).
 */
export function findProjectRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = path.resolve(start);
    for (;;) {
      if (existsSync(path.join(dir, 'prisma', 'schema.prisma'))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`Cannot find the project root (a folder containing prisma/schema.prisma) above ${__dirname} or ${process.cwd()}`);
}

export function defaultMigrationsDir(): string {
  return path.join(findProjectRoot(), 'prisma', 'migrations');
}

export function defaultSchemaPath(): string {
  return path.join(findProjectRoot(), 'prisma', 'schema.prisma');
}
