/** API Gateway's largest page: fewer calls against the 10 requests/s budget. */
export const PAGE_LIMIT = 500;

/** Follows `position` cursors until the last page and returns every item. */
export async function allPages<T>(fetchPage: (position?: string) => Promise<{ items?: T[]; position?: string }>): Promise<T[]> {
  const all: T[] = [];
  let position: string | undefined;
  do {
    const page = await fetchPage(position);
    all.push(...(page.items ?? []));
    position = page.position;
  } while (position);
  return all;
}
