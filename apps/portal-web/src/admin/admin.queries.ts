import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export interface DeveloperFilter {
  search?: string;
  status?: 'active' | 'suspended';
  tier?: string;
}

export const DEVELOPERS_PAGE_SIZE = 25;

/** One page of the directory; `cursor` is the previous page's `nextCursor` (undefined: the first page). */
export const useDeveloperPage = (filter: DeveloperFilter, cursor: string | undefined) =>
  useQuery({
    queryKey: ['admin', 'developers', filter, cursor ?? null],
    queryFn: () => unwrap(api.GET('/v1/admin/developers', { params: { query: { ...filter, cursor, limit: DEVELOPERS_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

export const developerQuery = (id: string) =>
  queryOptions({ queryKey: ['admin', 'developer', id], queryFn: () => unwrap(api.GET('/v1/admin/developers/{id}', { params: { path: { id } } })) });

export const useDeveloper = (id: string) => useQuery(developerQuery(id));

export const useDeveloperRole = (id: string) =>
  useQuery({ queryKey: ['admin', 'developer', id, 'role'], queryFn: async () => (await unwrap(api.GET('/v1/admin/developers/{id}/role', { params: { path: { id } } }))).role });

export const adminTiersQuery = queryOptions({ queryKey: ['admin', 'tiers'], queryFn: () => unwrap(api.GET('/v1/admin/tiers')) });
export const useAdminTiers = () => useQuery(adminTiersQuery);

export interface DayRange {
  from: string;
  to: string;
}

export const useUsageTotals = (range: DayRange, groupBy: 'day' | 'tier', developerId?: string) =>
  useQuery({
    queryKey: ['admin', 'usage', groupBy, range, developerId ?? null],
    queryFn: () => unwrap(api.GET('/v1/admin/usage', { params: { query: { ...range, groupBy, developerId } } })),
    placeholderData: keepPreviousData,
  });

export const useTopDevelopers = (range: DayRange) =>
  useQuery({
    queryKey: ['admin', 'usage-top', range],
    queryFn: () => unwrap(api.GET('/v1/admin/usage/top', { params: { query: { ...range, limit: 10 } } })),
    placeholderData: keepPreviousData,
  });

export const useQuotaUtilization = (threshold: number) =>
  useQuery({
    queryKey: ['admin', 'quota-utilization', threshold],
    queryFn: () => unwrap(api.GET('/v1/admin/usage/quota-utilization', { params: { query: { threshold, limit: 100 } } })),
    placeholderData: keepPreviousData,
  });

export interface AuditFilter {
  actor?: string;
  target?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const useAuditPage = (filter: AuditFilter, cursor: string | undefined, limit = 50) =>
  useQuery({
    queryKey: ['admin', 'audit', filter, cursor ?? null, limit],
    queryFn: () => unwrap(api.GET('/v1/admin/audit-log', { params: { query: { ...filter, cursor, limit } } })),
    placeholderData: keepPreviousData,
  });

/** The newest audit entry about a target: what an action just wrote. */
export async function latestAuditEntry(target: string) {
  const page = await unwrap(api.GET('/v1/admin/audit-log', { params: { query: { target, limit: 1 } } }));
  return page.items[0] ?? null;
}

/** An admin mutation: afterwards everything the console read may have changed. */
export function useAdminMutation<Input, Output>(call: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => client.invalidateQueries({ queryKey: ['admin'] }) });
}
