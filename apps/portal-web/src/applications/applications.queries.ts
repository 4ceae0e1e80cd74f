import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

const APPLICATIONS = ['applications'];

/** The developer's applications and the scopes a new one may be given. */
export const useApplications = () => useQuery({ queryKey: APPLICATIONS, queryFn: () => unwrap(api.GET('/v1/applications')) });

function useApplicationMutation<Input, Output>(call: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => client.invalidateQueries({ queryKey: APPLICATIONS }) });
}

export const useRegisterApplication = () =>
  useApplicationMutation((input: { name: string; scopes: string[] }) => unwrap(api.POST('/v1/applications', { body: input })));

export const useRotateSecret = () =>
  useApplicationMutation(({ id, gracePeriodSeconds }: { id: string; gracePeriodSeconds: number }) =>
    unwrap(api.POST('/v1/applications/{id}/rotate-secret', { params: { path: { id } }, body: { gracePeriodSeconds } })),
  );

export const useDeleteApplication = () => useApplicationMutation((id: string) => unwrap(api.DELETE('/v1/applications/{id}', { params: { path: { id } } })));
