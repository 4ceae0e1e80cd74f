import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Folders and files of embedded state (DATA_DIR): readable and writable by the owner only. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and missing parents) owner-only, and makes an existing one owner-only. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes every folder under `root` (itself included) 0700 and every file 0600, for state written by
 * code that picks its own modes (PGlite creates its files 0666 whatever the umask; cognito-local's
 * store, 0644). Symbolic links are left alone; entries that vanish meanwhile are skipped.
 */
export async function restrictTree(root: string): Promise<void> {
  let entry;
  try {
    entry = await lstat(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entry.isSymbolicLink()) return;
  if (entry.isDirectory()) {
    if ((entry.mode & 0o777) !== PRIVATE_DIR_MODE) await chmodIfPresent(root, PRIVATE_DIR_MODE);
    for (const name of await readdir(root).catch(() => [] as string[])) await restrictTree(path.join(root, name));
  } else if ((entry.mode & 0o777) !== PRIVATE_FILE_MODE) {
    await chmodIfPresent(root, PRIVATE_FILE_MODE);
  }
}

async function chmodIfPresent(target: string, mode: number): Promise<void> {
  try {
    await chmod(target, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
