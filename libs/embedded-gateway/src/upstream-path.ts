/**
 * The request target to forward, normalised: dot-segments resolved, each other segment kept as it
 * was encoded. Null when the path is not a plain origin-form path or would climb above the root
 * once decoded (`..`, `%2e%2e`), or hides a separator in a segment (`%2f`, `%5c`, `\`), which an
 * upstream could decode into a way out of UPSTREAM_URL's path: the gateway answers those 400.
 */
export function normalisedTarget(url: string | undefined): string | null {
  const target = url ?? '/';
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : target.slice(queryAt);
  if (!path.startsWith('/')) return null; // absolute-form (`http://host/…`) or `*`
  // The common case: nothing encoded, no dot, no backslash, so nothing to resolve.
  if (!/[%.\\]/.test(path)) return target;
  const kept: string[] = [];
  for (const segment of path.slice(1).split('/')) {
    const decoded = decodeSegment(segment);
    if (decoded === null || decoded.includes('/') || decoded.includes('\\')) return null;
    if (decoded === '.') continue;
    if (decoded === '..') {
      if (kept.length === 0) return null;
      kept.pop();
      continue;
    }
    kept.push(segment);
  }
  // A path ending in a dot-segment still names a folder: keep its trailing slash.
  const last = path.slice(path.lastIndexOf('/') + 1);
  const trailing = ['.', '..'].includes(decodeSegment(last) ?? '') ? '/' : '';
  return `/${kept.join('/')}${trailing && kept.length > 0 ? trailing : ''}${query}`;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
