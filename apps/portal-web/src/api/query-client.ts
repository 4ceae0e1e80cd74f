import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** Server state lives here and nowhere else; pages read it through their feature's query hooks. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // A 4xx will not change by asking again; a network failure or a 5xx might.
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
