import { GatewayConflictError, GatewayNotFoundError, GatewayRejectedError, GatewayUnavailableError } from '../gateway-errors';

export type AwsFailureKind = 'throttled' | 'server' | 'network' | 'not-found' | 'conflict' | 'rejected';

interface SdkErrorShape {
  name?: string;
  message?: string;
  retryAfterSeconds?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Sorts an SDK failure into what the caller can do about it: throttling (429, with Retry-After),
 * 5xx and network failures are worth retrying; NotFound and Conflict mean something to idempotent
 * callers; any other 4xx will fail the same way again.
 */
export function classifyAwsError(operation: string, error: unknown): { kind: AwsFailureKind; error: Error } {
  const sdk = (error ?? {}) as SdkErrorShape;
  const status = sdk.$metadata?.httpStatusCode;
  const name = sdk.name ?? 'Error';
  // The SDK's message is AWS's own text: ids and names, never key values (we never log requests).
  const message = `${operation}: ${name}${sdk.message ? `: ${sdk.message}` : ''}`;
  if (name === 'TooManyRequestsException' || name === 'LimitExceededException' || status === 429) {
    return { kind: 'throttled', error: new GatewayUnavailableError(message, retryAfterMs(sdk.retryAfterSeconds)) };
  }
  if (status === undefined) return { kind: 'network', error: new GatewayUnavailableError(message) };
  if (status >= 500) return { kind: 'server', error: new GatewayUnavailableError(message, retryAfterMs(sdk.retryAfterSeconds)) };
  if (name === 'NotFoundException' || status === 404) return { kind: 'not-found', error: new GatewayNotFoundError(message) };
  if (name === 'ConflictException' || status === 409) return { kind: 'conflict', error: new GatewayConflictError(message) };
  return { kind: 'rejected', error: new GatewayRejectedError(message) };
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
}
