import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from '../account/me.queries';
import { keysQuery } from '../keys/keys.queries';
import { tiersQuery } from '../plan/tiers.queries';
import { usageQuery } from './usage.queries';

/** Everything the dashboard reads on arrival, fetched into the cache the page then reads. */
export function prefetchDashboard(client: QueryClient): Promise<unknown> {
  return Promise.all([client.prefetchQuery(meQuery), client.prefetchQuery(tiersQuery), client.prefetchQuery(keysQuery), client.prefetchQuery(usageQuery(null))]);
}
