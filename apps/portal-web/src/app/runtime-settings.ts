/** What the serving API tells the page about this installation, in <meta name="keyport-settings">. */
export interface RuntimeSettings {
  /** `embedded`: Keyport runs its own Cognito emulator, which prints codes to the server log instead of mailing them. */
  identity: 'embedded' | 'cognito';
}

const DEFAULTS: RuntimeSettings = { identity: 'cognito' };

export function readRuntimeSettings(doc: Document = document): RuntimeSettings {
  const content = doc.querySelector<HTMLMetaElement>('meta[name="keyport-settings"]')?.content ?? '';
  try {
    const parsed = JSON.parse(content) as Partial<RuntimeSettings>;
    return { identity: parsed.identity === 'embedded' ? 'embedded' : DEFAULTS.identity };
  } catch {
    // The Vite dev server leaves the placeholder in place.
    return DEFAULTS;
  }
}

/** The nonce the API put on this page (see vite.config.mts), for the <style> tags Mantine writes. */
export function cspNonce(doc: Document = document): string {
  return doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
}
