import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ApiKey } from '../api/schemas';

/** While the gateway is still taking a key, or a live key is about to expire, ask again this often. */
const PROVISIONING_POLL_MS = 1_000;
/** A live key expiring within this is watched, so that the list shows it expired when it is. */
const EXPIRY_WATCH_MS = 10 * 60_000;

const changingSoon = (key: ApiKey, now: number): boolean =>
  key.status === 'provisioning' || (key.status === 'active' && key.expiresAt !== null && Date.parse(key.expiresAt) - now < EXPIRY_WATCH_MS);

export const keysQuery = queryOptions({
  queryKey: ['keys'],
  queryFn: async () => (await unwrap(api.GET('/v1/keys'))).items,
  refetchInterval: (query) => (query.state.data?.some((key: ApiKey) => changingSoon(key, Date.now())) ? PROVISIONING_POLL_MS : false),
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

export const useCreateKey = () => useKeyMutation((input: { name: string; expiresAt?: string }) => unwrap(api.POST('/v1/keys', { body: input })));

export const useRotateKey = () =>
  useKeyMutation(({ id, gracePeriodSeconds }: { id: string; gracePeriodSeconds: number }) =>
    unwrap(api.POST('/v1/keys/{id}/rotate', { params: { path: { id } }, body: { gracePeriodSeconds } })),
  );

export const useRevokeKey = () => useKeyMutation((id: string) => unwrap(api.DELETE('/v1/keys/{id}', { params: { path: { id } } })));
