import { describe, expect, it } from 'vitest';
import { RandomSource } from '@keyport/common';
import { ApiKeyCodec, KEY_LENGTH } from './api-key-codec';

describe('ApiKeyCodec', () => {
  const codec = new ApiKeyCodec(new RandomSource());

  it('makes alphanumeric kp keys API Gateway accepts, with a valid checksum', () => {
    for (let i = 0; i < 200; i++) {
      const key = codec.generate();
      expect(key.value).toMatch(/^kp[0-9A-Za-z]+$/);
      expect(key.value.length).toBe(KEY_LENGTH);
      expect(key.value.length).toBeGreaterThanOrEqual(20);
      expect(key.value.length).toBeLessThanOrEqual(128);
      expect(ApiKeyCodec.isWellFormed(key.value)).toBe(true);
      expect(key.hash).toBe(ApiKeyCodec.hash(key.value));
      expect(key.hash).not.toContain(key.value);
    }
  });

  it('never repeats a value', () => {
    const values = new Set(Array.from({ length: 2000 }, () => codec.generate().value));
    expect(values.size).toBe(2000);
  });

  it('rejects a one-character typo, a wrong prefix, a wrong length and foreign characters', () => {
    const { value } = codec.generate();
    const swapped = value.slice(0, 10) + (value[10] === 'a' ? 'b' : 'a') + value.slice(11);
    expect(ApiKeyCodec.isWellFormed(swapped)).toBe(false);
    expect(ApiKeyCodec.isWellFormed(`xx${value.slice(2)}`)).toBe(false);
    expect(ApiKeyCodec.isWellFormed(value.slice(0, -1))).toBe(false);
    expect(ApiKeyCodec.isWellFormed(`${value.slice(0, -1)}-`)).toBe(false);
    expect(ApiKeyCodec.isWellFormed('')).toBe(false);
  });

  it('draws characters uniformly from the random bytes (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const char of codec.generate().value.slice(2, 34)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    const expected = (2000 * 32) / 62;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.2);
    expect(counts.size).toBe(62);
  });
});
