import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RandomSource } from '@keyport/common';

export const KEY_SEALING_SECRET = Symbol('KEY_SEALING_SECRET');

/**
 * Seals a key value (AES-256-GCM) for the short time it waits in the outbox: API Gateway needs the
 * value itself, while the database must never hold it readable. The worker erases it once applied.
 */
@Injectable()
export class KeySealer {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly random: RandomSource,
  ) {
    this.key = createHash('sha256').update(secret).digest();
  }

  seal(plaintext: string): string {
    const iv = this.random.bytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
  }

  unseal(sealed: string): string {
    const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}
