/**
 * The shape of a Keyport API key value: `kp` + 32 base62 characters (190 random bits) + a
 * 6-character CRC32 checksum. Here, apart from the keys lib that generates values, because the
 * embedded gateway's thread checks every presented value and loads nothing but this lib.
 */
export const API_KEY_BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const API_KEY_PREFIX = 'kp';
export const API_KEY_RANDOM_CHARS = 32;
const CHECKSUM_CHARS = 6;
export const API_KEY_LENGTH = API_KEY_PREFIX.length + API_KEY_RANDOM_CHARS + CHECKSUM_CHARS;
const KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${API_KEY_RANDOM_CHARS + CHECKSUM_CHARS}}$`);

/** Whether the value has the right shape and checksum; says nothing about whether it exists. */
export function isWellFormedApiKey(value: string): boolean {
  if (value.length !== API_KEY_LENGTH || !KEY_PATTERN.test(value)) return false;
  const body = value.slice(0, -CHECKSUM_CHARS);
  return apiKeyChecksum(body) === value.slice(-CHECKSUM_CHARS);
}

/** The checksum characters that end a key whose value starts with `body`. */
export function apiKeyChecksum(body: string): string {
  let n = crc32(Buffer.from(body, 'ascii'));
  let out = '';
  for (let i = 0; i < CHECKSUM_CHARS; i++) {
    out = API_KEY_BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
