import { readFile } from 'node:fs/promises';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The temporary passwords the embedded Cognito "sent" this address, oldest first, read from the
 * app's log as the README says (Cognito would e-mail them). Waits for at least `count`.
 */
export async function temporaryPasswords(logFile: string, email: string, count = 1): Promise<string[]> {
  const line = new RegExp(`Temporary password for ${escape(email)} \\(embedded Cognito, not e-mailed\\): ([^"\\s]+)`, 'g');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = [...(await readFile(logFile, 'utf8').catch(() => '')).matchAll(line)].map((match) => match[1] ?? '');
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`no temporary password #${count} for ${email} in ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The latest one. */
export async function latestTemporaryPassword(logFile: string, email: string, count = 1): Promise<string> {
  const found = await temporaryPasswords(logFile, email, count);
  return found[found.length - 1] ?? '';
}
