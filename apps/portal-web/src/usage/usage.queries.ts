import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { lastDays } from './days';

/** The dashboard's window: the last 30 UTC days, today included. */
export const CHART_DAYS = 30;

export function usageQuery(keyId: string | null) {
  const range = lastDays(CHART_DAYS);
  return queryOptions({
    queryKey: ['usage', range.from, range.to, keyId],
    queryFn: () => unwrap(api.GET('/v1/usage', { params: { query: { ...range, ...(keyId ? { keyId } : {}) } } })),
    // The gateway flushes its counts every 2 seconds: read them afresh on each visit (unless just
    // fetched, as on sign-in), and keep up while the dashboard stays open.
    staleTime: 2_000,
    refetchInterval: 30_000,
  });
}

export const useUsage = (keyId: string | null) => useQuery({ ...usageQuery(keyId), placeholderData: keepPreviousData });
