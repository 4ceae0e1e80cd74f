import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const meQuery = queryOptions({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/v1/me')) });

/** The signed-in developer: e-mail, tier, status. */
export const useMe = () => useQuery(meQuery);
