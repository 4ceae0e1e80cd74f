/**
 * Every gateway error says whether trying the same call again can help (`retryable`); the outbox
 * worker parks an item whose handler throws a non-retryable error instead of retrying it.
 */

/** The gateway could not be reached or asked us to slow down; trying again later will do. */
export class GatewayUnavailableError extends Error {
  readonly retryable = true;

  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'GatewayUnavailableError';
  }
}

/** The thing named does not exist at the gateway. */
export class GatewayNotFoundError extends Error {
  readonly retryable = true;

  constructor(message: string) {
    super(message);
    this.name = 'GatewayNotFoundError';
  }
}

/** The gateway holds something that clashes (a key already in another plan of the same stage, a taken value). */
export class GatewayConflictError extends Error {
  readonly retryable = true;

  constructor(message: string) {
    super(message);
    this.name = 'GatewayConflictError';
  }
}

/** The gateway refused the request as invalid; retrying the same request cannot help. */
export class GatewayRejectedError extends Error {
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = 'GatewayRejectedError';
  }
}
