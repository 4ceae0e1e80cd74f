import type { ErrorBody } from './schemas';

export interface FieldProblem {
  field?: string;
  message: string;
}

/**
 * A failure answered by the API, in its one error shape `{statusCode, error, message, code, details?}`;
 * `body` keeps any extra fields a route adds (`checkoutUrl` on a 402).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldProblem[];

  constructor(
    status: number,
    readonly body: Partial<ErrorBody> & Record<string, unknown>,
  ) {
    super(typeof body.message === 'string' ? body.message : `The request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
    this.details = Array.isArray(body.details) ? body.details : [];
  }

  /** An extra string field of the body, such as the `checkoutUrl` of a 402. */
  extra(name: string): string | undefined {
    const value = this.body[name];
    return typeof value === 'string' ? value : undefined;
  }
}

/** The API could not be reached at all (network down, server stopped). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Keyport did not answer. Check your connection and try again.', { cause });
    this.name = 'NetworkError';
  }
}
