import { describe, expect, it } from 'vitest';
import { normalisedTarget } from './upstream-path';

describe('normalisedTarget', () => {
  it('keeps ordinary paths and their query strings as they are', () => {
    for (const target of ['/', '/orders/7?expand=items', '/a//b/', '/files/report%20v2.pdf', '/q?path=../../etc', '/v1.2/x.json']) {
      expect(normalisedTarget(target)).toBe(target);
    }
  });

  it('resolves dot-segments that stay under the root, decoded or not', () => {
    expect(normalisedTarget('/a/b/../c?x=1')).toBe('/a/c?x=1');
    expect(normalisedTarget('/a/./b')).toBe('/a/b');
    expect(normalisedTarget('/a/%2e%2E/b')).toBe('/b');
    expect(normalisedTarget('/a/b/..')).toBe('/a/');
    expect(normalisedTarget('/a/..')).toBe('/');
  });

  it('refuses what would climb above the root, hide a separator, or is not an origin-form path', () => {
    for (const target of [
      '/..',
      '/../etc/passwd',
      '/a/../../etc',
      '/%2e%2e/x',
      '/a/%2E%2e/%2e%2e/x',
      '/.%2e/x',
      '/..%2fx',
      '/a%2f..%2f..%2fx',
      '/a/%5c..%5c..',
      '/a\\..\\..\\x',
      '/%E0%A4%A',
      'http://evil.example/x',
      '*',
    ]) {
      expect(normalisedTarget(target), target).toBeNull();
    }
  });
});
