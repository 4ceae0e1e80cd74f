import { queryOptions, useQuery } from '@tanstack/react-query';
import { publicApi, unwrap } from '../api/client';

export const tiersQuery = queryOptions({ queryKey: ['tiers'], queryFn: () => unwrap(publicApi.GET('/v1/tiers')), staleTime: 60_000 });

/** The tiers on offer, in the API's order. */
export const useTiers = () => useQuery(tiersQuery);
