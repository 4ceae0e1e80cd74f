import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const apisQuery = queryOptions({
  queryKey: ['apis'],
  queryFn: () => unwrap(api.GET('/v1/apis')),
});

export const useApis = () => useQuery(apisQuery);

/** One API's OpenAPI document, its `servers` at the gateway. */
export const useApiDocument = (slug: string | null) =>
  useQuery({
    queryKey: ['apis', slug],
    queryFn: () => unwrap(api.GET('/v1/apis/{slug}', { params: { path: { slug: slug! } } })),
    enabled: slug !== null,
  });
