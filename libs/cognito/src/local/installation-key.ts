import { type JsonWebKey, type KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from '@keyport/common';

export const SIGNING_KEY_FILE = 'signing-key.pem';

/** The RSA key pair this installation's embedded Cognito signs tokens with. */
export interface InstallationKey {
  /** RFC 7638 thumbprint of the public key: the `kid` of every token and of the JWKS entry. */
  kid: string;
  privateKey: KeyObject;
  /** The public key as a JWK, as served in the pool's JWKS. */
  publicJwk: JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };
}

/**
 * cognito-local signs with a key shipped inside its npm package, which anyone can read and sign
 * with. The embedded Cognito signs with a 2048-bit RSA key made on the first start instead, kept
 * in `<dataDir>/signing-key.pem` (0600, PKCS#8); every later start reads it back.
 */
export async function loadInstallationKey(dataDir: string): Promise<InstallationKey> {
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const generated = await generatePem();
    // Another process starting on the same folder may have written first: its key wins.
    await writeFile(file, generated, { mode: PRIVATE_FILE_MODE, flag: 'wx' }).catch((writeError: unknown) => {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
    });
    pem = await readFile(file, 'utf8');
  }
  const privateKey = createPrivateKey(pem);
  const { kty, n, e } = createPublicKey(privateKey).export({ format: 'jwk' });
  if (kty !== 'RSA' || !n || !e) throw new Error(`${file} does not hold an RSA private key`);
  // RFC 7638: SHA-256 over the required members in lexicographic order.
  const kid = createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url');
  return { kid, privateKey, publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' } };
}

function generatePem(): Promise<string> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } },
      (error, _publicKey, privateKey) => (error ? reject(error) : resolve(privateKey)),
    );
  });
}
