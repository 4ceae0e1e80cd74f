import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ApiKey } from '../api/schemas';

/** While the gateway is still taking a key, ask again this often. */
const PROVISIONING_POLL_MS = 1_000;

export const keysQuery = queryOptions({
  queryKey: ['keys'],
  queryFn: async () => (await unwrap(api.GET('/v1/keys'))).items,
  refetchInterval: (query) => (query.state.data?.some((key: ApiKey) => key.status === 'provisioning') ? PROVISIONING_POLL_MS : false),
});

export const useKeys = () => useQuery(keysQuery);

/** Each mutation refreshes the list and the usage that depends on it. */
function useKeyMutation<Input, Output>(call: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: keysQuery.queryKey }), client.invalidateQueries({ queryKey: ['usage'] })]),
  });
}

export const useCreateKey = () => useKeyMutation((input: { name: string }) => unwrap(api.POST('/v1/keys', { body: input })));

export const useRotateKey = () =>
  useKeyMutation(({ id, gracePeriodSeconds }: { id: string; gracePeriodSeconds: number }) =>
    unwrap(api.POST('/v1/keys/{id}/rotate', { params: { path: { id } }, body: { gracePeriodSeconds } })),
  );

export const useRevokeKey = () => useKeyMutation((id: string) => unwrap(api.DELETE('/v1/keys/{id}', { params: { path: { id } } })));
