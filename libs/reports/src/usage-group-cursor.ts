import { invalid, isUuid } from '@keyport/common';

/** Position after the last developer or key id a page of groups covered; opaque to clients. */
export const usageGroupCursor = {
  encode(groupBy: 'developer' | 'key', lastId: string): string {
    return Buffer.from(JSON.stringify([groupBy, lastId])).toString('base64url');
  },

  decode(groupBy: 'developer' | 'key', raw: string): string {
    try {
      const [kind, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
      if (kind === groupBy && typeof id === 'string' && id.length <= 128 && (groupBy === 'developer' || isUuid(id))) return id;
    } catch {
      // falls through to the 400 below
    }
    throw invalid('Invalid request', [{ field: 'cursor', message: `must be a nextCursor returned for groupBy=${groupBy}` }]);
  },
};
