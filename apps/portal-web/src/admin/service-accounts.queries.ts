import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

const SERVICE_ACCOUNTS = ['admin', 'service-accounts'];

export const useServiceAccounts = () => useQuery({ queryKey: SERVICE_ACCOUNTS, queryFn: () => unwrap(api.GET('/v1/admin/service-accounts')) });

function useServiceAccountMutation<Input, Output>(call: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => client.invalidateQueries({ queryKey: SERVICE_ACCOUNTS }) });
}

type AdminScope = 'keyport/admin.read' | 'keyport/admin.write';

/** The form ticks only the admin scopes it offers; the API refuses anything else with a 400 under "Scopes". */
export const useCreateServiceAccount = () =>
  useServiceAccountMutation((input: { name: string; scopes: string[] }) =>
    unwrap(api.POST('/v1/admin/service-accounts', { body: { name: input.name, scopes: input.scopes as AdminScope[] } })),
  );

export const useDeleteServiceAccount = () =>
  useServiceAccountMutation((id: string) => unwrap(api.DELETE('/v1/admin/service-accounts/{id}', { params: { path: { id } } })));
