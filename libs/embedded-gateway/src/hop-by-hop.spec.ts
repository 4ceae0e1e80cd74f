import { describe, expect, it } from 'vitest';
import { endToEndHeaders } from './hop-by-hop';

describe('endToEndHeaders', () => {
  it('drops the hop-by-hop fields of RFC 9110, proxy credentials, and every field Connection names', () => {
    const kept = endToEndHeaders(
      {
        connection: 'close, X-Secret-Hop,  x-other',
        'x-secret-hop': 'a',
        'x-other': 'b',
        'keep-alive': 'timeout=5',
        'proxy-connection': 'keep-alive',
        te: 'trailers',
        trailer: 'x-checksum',
        'transfer-encoding': 'chunked',
        upgrade: 'websocket',
        'proxy-authorization': 'Basic YTpi',
        'proxy-authenticate': 'Basic realm="x"',
        'x-kept': 'yes',
        accept: 'application/json',
      },
      new Set(['accept']),
    );
    expect(kept).toEqual({ 'x-kept': 'yes' });
  });

  it('reads repeated Connection headers', () => {
    const repeated = { connection: ['x-a', 'x-b'] as unknown as string, 'x-a': '1', 'x-b': '2', 'x-c': '3' };
    expect(endToEndHeaders(repeated, new Set())).toEqual({ 'x-c': '3' });
  });
});
