import type { Fetcher } from 'aws-jwt-verify/https';
import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';

/**
 * aws-jwt-verify's JWKS fetcher over the global `fetch`, so http:// URIs work (its default fetcher
 * is https-only, and cognito-local serves plain http). Counts its requests: the JWKS must be
 * fetched once and cached, never per verification.
 */
export class FetchJwksFetcher implements Fetcher {
  /** Requests made so far. */
  fetchCount = 0;

  constructor(private readonly timeoutMs = 5_000) {}

  async fetch(uri: string, requestOptions?: Record<string, unknown>, data?: ArrayBuffer): Promise<ArrayBuffer> {
    this.fetchCount += 1;
    let response: Response;
    try {
      response = await fetch(uri, {
        method: data ? 'POST' : 'GET',
        ...(data ? { body: data } : {}),
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
        ...(requestOptions as RequestInit | undefined),
      });
    } catch (error) {
      // Refused, reset, timed out: a FetchError, so callers can tell "pool down" from "bad token".
      throw new FetchError(uri, (error as Error).name === 'TimeoutError' ? 'timed out' : 'request failed');
    }
    if (response.status !== 200) {
      throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    }
    return response.arrayBuffer();
  }
}
