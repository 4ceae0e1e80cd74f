import { DomainError, ErrorKind, unavailable } from '@keyport/common';

/** What the SDK's errors look like from the outside (ServiceException or a network error). */
interface SdkErrorShape {
  name?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
}

/** The SDK exception name (`UsernameExistsException`, ...), or undefined for non-SDK errors. */
export function sdkErrorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return (error as SdkErrorShape).name;
}

/** The pool did not answer (refused, reset, timed out) or answered with a 5xx. */
export function isUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as SdkErrorShape;
  const status = e.$metadata?.httpStatusCode;
  if (e.$fault === 'server' || (status !== undefined && status >= 500)) return true;
  if (status === undefined) return true; // no HTTP response at all: connection or DNS failure, timeout
  return ['TimeoutError', 'AbortError', 'RequestTimeout', 'ECONNREFUSED', 'ECONNRESET'].includes(e.name ?? e.code ?? '');
}

const THROTTLED = new Set(['TooManyRequestsException', 'LimitExceededException', 'TooManyFailedAttemptsException']);
/** The pool or its credentials are wrong: an operator problem, reported as "unavailable". */
const MISCONFIGURED = new Set([
  'ResourceNotFoundException',
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'CredentialsProviderError',
  'InvalidUserPoolConfigurationException',
]);

export const UNAVAILABLE_MESSAGE = 'The identity provider is unavailable';

/**
 * Maps an SDK failure to a DomainError: first the operation's own `cases` (by exception name),
 * then the failures common to every call. Messages are fixed texts: SDK messages may echo input.
 * Anything else is rethrown unchanged (a programming error, not a user's).
 */
export function toDomainError(error: unknown, cases: Partial<Record<string, () => DomainError>> = {}): Error {
  if (error instanceof DomainError) return error;
  const name = sdkErrorName(error) ?? '';
  const specific = cases[name];
  if (specific) return specific();
  if (THROTTLED.has(name)) return new DomainError(ErrorKind.RateLimited, 'Too many attempts, please try again later');
  if (MISCONFIGURED.has(name) || isUnreachable(error)) return unavailable(UNAVAILABLE_MESSAGE);
  return error instanceof Error ? error : new Error('Unexpected identity provider failure');
}
