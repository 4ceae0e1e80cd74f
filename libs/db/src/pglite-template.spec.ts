import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, readPgliteTemplate } from './pglite-template';

describe('a new embedded database from the install-time template', () => {
  let root: string;
  let template: Blob;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'kp-pglite-template-'));
    // What scripts/pglite-template.cjs keeps: an empty cluster, gzipped.
    const empty = await PGlite.create();
    template = await empty.dumpDataDir('gzip');
    await empty.close();
  }, 60_000);

  afterAll(() => rm(root, { recursive: true, force: true }));

  it('is unpacked into a new folder, takes writes, and opens again as itself', async () => {
    const folder = path.join(root, 'new');
    const db = await openPglite(folder, () => Promise.resolve(template));
    await db.exec('CREATE TABLE t (n int); INSERT INTO t VALUES (7)');
    await db.close();
    expect(existsSync(path.join(folder, 'PG_VERSION'))).toBe(true);
    // An existing database is opened, never overwritten, and the template is not even read.
    const again = await openPglite(folder, () => Promise.reject(new Error('the template was read for an existing database')));
    expect((await again.query<{ n: number }>('SELECT n FROM t')).rows).toEqual([{ n: 7 }]);
    await again.close();
  });

  it('falls back to initialising the folder when the template is unusable', async () => {
    const db = await openPglite(path.join(root, 'broken'), () => Promise.resolve(new Blob([Buffer.from('not a tarball')])));
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await db.close();
  });

  it('is found where the install script keeps it (absent only when install scripts were skipped)', async () => {
    const kept = await readPgliteTemplate();
    if (kept) expect(kept.size).toBeGreaterThan(1_000_000);
  });
});
