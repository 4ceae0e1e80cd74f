import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/** Cryptographically secure randomness, behind a class so tests can make it predictable. */
@Injectable()
export class RandomSource {
  bytes(count: number): Buffer {
    return randomBytes(count);
  }

  uuid(): string {
    return randomUUID();
  }
}
