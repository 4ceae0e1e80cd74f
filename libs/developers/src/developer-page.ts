import { invalid } from '@keyport/common';
import { type Developer, type DeveloperStatus } from './developer';

export interface DeveloperFilter {
  /** Case-insensitive part of the e-mail address. */
  search?: string;
  tier?: string;
  status?: DeveloperStatus;
}

/** Position after the last developer of a page: sign-up time, then id, which only grows for new sign-ups. */
export interface DeveloperCursor {
  createdAt: Date;
  id: string;
}

export interface DeveloperPage {
  items: Developer[];
  nextCursor: string | null;
}

export const developerCursor = {
  encode(cursor: DeveloperCursor): string {
    return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString('base64url');
  },

  decode(raw: string): DeveloperCursor {
    try {
      const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
      const createdAt = new Date(String(at));
      if (typeof id === 'string' && typeof at === 'string' && !Number.isNaN(createdAt.getTime())) return { createdAt, id };
    } catch {
      // falls through to the 400 below
    }
    throw invalid('Invalid request', [{ field: 'cursor', message: 'must be a cursor returned by this route' }]);
  },
};
