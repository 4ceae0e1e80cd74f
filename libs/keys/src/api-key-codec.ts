import { Injectable } from '@nestjs/common';
import { RandomSource, hashKeyValue } from '@keyport/common';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KEY_PREFIX = 'kp';
const RANDOM_CHARS = 32; // 32 base62 characters carry 190 bits
const CHECKSUM_CHARS = 6;
export const KEY_LENGTH = KEY_PREFIX.length + RANDOM_CHARS + CHECKSUM_CHARS;
const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${RANDOM_CHARS + CHECKSUM_CHARS}}$`);

export interface GeneratedKey {
  value: string;
  hash: string;
  /** Shown in listings so a developer can tell keys apart. */
  prefix: string;
  last4: string;
}

/**
 * Key values: `kp` + 190 random bits in base62 + a 6-character CRC32 checksum. Letters and digits
 * only (API Gateway accepts nothing else); the fixed prefix lets secret scanners spot leaks and the
 * checksum rejects a mistyped key before any lookup.
 */
@Injectable()
export class ApiKeyCodec {
  constructor(private readonly random: RandomSource) {}

  generate(): GeneratedKey {
    const body = KEY_PREFIX + this.randomBase62(RANDOM_CHARS);
    const value = body + checksum(body);
    return { value, hash: ApiKeyCodec.hash(value), prefix: value.slice(0, 8), last4: value.slice(-4) };
  }

  /** Whether the value has the right shape and checksum; says nothing about whether it exists. */
  static isWellFormed(value: string): boolean {
    if (value.length !== KEY_LENGTH || !KEY_PATTERN.test(value)) return false;
    const body = value.slice(0, -CHECKSUM_CHARS);
    return checksum(body) === value.slice(-CHECKSUM_CHARS);
  }

  static hash(value: string): string {
    return hashKeyValue(value);
  }

  private randomBase62(length: number): string {
    let out = '';
    while (out.length < length) {
      for (const byte of this.random.bytes(length * 2)) {
        // 248 = 4 * 62: rejecting the rest keeps every character equally likely.
        if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
      }
    }
    return out;
  }
}

function checksum(body: string): string {
  let n = crc32(Buffer.from(body, 'ascii'));
  let out = '';
  for (let i = 0; i < CHECKSUM_CHARS; i++) {
    out = ALPHABET[n % 62] + out;
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
