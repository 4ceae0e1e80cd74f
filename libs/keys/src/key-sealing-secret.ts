import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE_MODE, ensurePrivateDir } from '@keyport/common';
import { type AppConfig } from '@keyport/config';

/** KEY_ENCRYPTION_SECRET when set (shared by replicas); otherwise a secret kept in the data folder. */
export async function resolveKeySealingSecret(config: AppConfig): Promise<string> {
  if (config.keyEncryptionSecret) return config.keyEncryptionSecret;
  const file = path.resolve(config.database.dataDir, 'key-sealing.secret');
  await ensurePrivateDir(path.dirname(file));
  try {
    const secret = (await readFile(file, 'utf8')).trim();
    await chmod(file, PRIVATE_FILE_MODE); // written by an older version with the umask's mode
    return secret;
  } catch {
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, secret, { mode: PRIVATE_FILE_MODE, flag: 'wx' }).catch(() => undefined);
    return (await readFile(file, 'utf8')).trim();
  }
}
