import { Injectable } from '@nestjs/common';
import { API_KEY_BASE62, API_KEY_PREFIX, API_KEY_RANDOM_CHARS, RandomSource, apiKeyChecksum, hashKeyValue, isWellFormedApiKey } from '@keyport/common';

export { API_KEY_LENGTH as KEY_LENGTH } from '@keyport/common';

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
    const body = API_KEY_PREFIX + this.randomBase62(API_KEY_RANDOM_CHARS);
    const value = body + apiKeyChecksum(body);
    return { value, hash: ApiKeyCodec.hash(value), prefix: value.slice(0, 8), last4: value.slice(-4) };
  }

  /** Whether the value has the right shape and checksum; says nothing about whether it exists. */
  static isWellFormed(value: string): boolean {
    return isWellFormedApiKey(value);
  }

  static hash(value: string): string {
    return hashKeyValue(value);
  }

  private randomBase62(length: number): string {
    let out = '';
    while (out.length < length) {
      for (const byte of this.random.bytes(length * 2)) {
        // 248 = 4 * 62: rejecting the rest keeps every character equally likely.
        if (byte < 248 && out.length < length) out += API_KEY_BASE62[byte % 62];
      }
    }
    return out;
  }
}
