import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AppConfig } from '@keyport/config';

/** KEY_ENCRYPTION_SECRET when set (shared by replicas); otherwise a secret kept in the data folder. */
export async function resolveKeySealingSecret(config: AppConfig): Promise<string> {
  if (config.keyEncryptionSecret) return config.keyEncryptionSecret;
  const file = path.resolve(config.database.dataDir, 'key-sealing.secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return (await readFile(file, 'utf8')).trim();
  }
}
