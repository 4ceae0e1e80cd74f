/** An error the fake answers as API Gateway does: status, `x-amzn-ErrorType` and `{"message"}`. */
export class FakeAwsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new FakeAwsError(404, 'NotFoundException', `Invalid ${what} identifier specified`);
export const conflict = (message: string) => new FakeAwsError(409, 'ConflictException', message);
export const badRequest = (message: string) => new FakeAwsError(400, 'BadRequestException', message);
export const limitExceeded = (message: string) => new FakeAwsError(429, 'LimitExceededException', message);
export const tooManyRequests = (retryAfterSeconds: number) => new FakeAwsError(429, 'TooManyRequestsException', 'Too Many Requests', retryAfterSeconds);
