import { PermanentOutboxError, type RetryAfterHint } from '@keyport/outbox';

/** The gateway could not be reached or asked us to slow down; trying again later will do. */
export class GatewayUnavailableError extends Error implements RetryAfterHint {
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
  constructor(message: string) {
    super(message);
    this.name = 'GatewayNotFoundError';
  }
}

/** The gateway holds something that clashes (a key already in another plan of the same stage, a taken value). */
export class GatewayConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayConflictError';
  }
}

/** The gateway refused the request as invalid; retrying the same request cannot help. */
export class GatewayRejectedError extends PermanentOutboxError {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayRejectedError';
  }
}
