import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { findProjectRoot } from './migrations/project-paths';

/**
 * Opens the embedded database in `folder`. A new one is unpacked from `template`, an empty cluster,
 * rather than initialised: initdb is most of a first start on a busy machine (~8 s there, unpacking
 * ~1.5 s). Without a template, or if unpacking fails, PGlite initialises the folder as it always did.
 */
export async function openPglite(folder: string, readTemplate: () => Promise<Blob | undefined> = readPgliteTemplate): Promise<PGlite> {
  // An existing cluster opens as it is: the template (several MB) is read only for a new one.
  const template = existsSync(path.join(folder, 'PG_VERSION')) ? undefined : await readTemplate();
  if (template) {
    try {
      return await PGlite.create(folder, { loadDataDir: template });
    } catch {
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
    }
  }
  return PGlite.create(folder);
}

/** The empty cluster `scripts/pglite-template.cjs` made at install for this PGlite version, if any. */
export async function readPgliteTemplate(): Promise<Blob | undefined> {
  try {
    const root = findProjectRoot();
    const manifest = path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json');
    const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
    return new Blob([await readFile(path.join(root, 'node_modules', '.cache', 'keyport', `pglite-${version}.tar.gz`))]);
  } catch {
    return undefined;
  }
}
