import createClient from 'openapi-fetch';
import { ApiError, NetworkError } from './api-error';
import type { paths } from './keyport-api.gen';

/** Calls that need no session: sign-up, sign-in, refresh, the tiers on offer. */
export const publicApi = createClient<paths>({ baseUrl: '' });

/** Calls made for the signed-in developer; the session module adds the access token (auth/session.ts). */
export const api = createClient<paths>({ baseUrl: '' });

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError with the API's error body
 * (or a NetworkError when no answer came), so that queries and forms handle one kind of failure.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!result.response.ok) {
    const body = typeof result.error === 'object' && result.error !== null ? (result.error as Record<string, unknown>) : {};
    throw new ApiError(result.response.status, body);
  }
  return result.data as T;
}
