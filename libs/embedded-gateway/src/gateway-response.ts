import { type ServerResponse } from 'node:http';
import { ERROR_CODES, type ErrorCode } from '@keyport/common';

/** A response the gateway answers itself, with API Gateway's body and error type header. */
export class GatewayResponse {
  static readonly badRequest = new GatewayResponse(400, 'Bad Request', 'BadRequestException');
  /** As API Gateway's Cognito authorizer answers a missing or invalid token. */
  static readonly unauthorized = new GatewayResponse(401, 'Unauthorized', 'UnauthorizedException');
  static readonly forbidden = new GatewayResponse(403, 'Forbidden', 'ForbiddenException');
  /** A caller with a token (GATEWAY_AUTH=cognito) but no `x-api-key`: Keyport's error shape, so the client learns what to send. */
  static readonly keyMissing = new GatewayResponse(403, 'Forbidden', 'ForbiddenException', 'KEY_MISSING');
  /** GATEWAY_API_KEY_SOURCE=AUTHORIZER: a person's token, and they hold no usable key to meter it on. */
  static readonly personNotMetered = new GatewayResponse(403, 'Forbidden', 'ForbiddenException', 'PERSON_TOKEN_NOT_METERED');
  /** What a WAF block looks like through API Gateway: 403 `{"message":"Forbidden"}`. */
  static readonly ipRuleBlocked = new GatewayResponse(403, 'Forbidden', 'ForbiddenException');
  static readonly throttled = new GatewayResponse(429, 'Too Many Requests', 'TooManyRequestsException');
  static readonly quotaExceeded = new GatewayResponse(429, 'Limit Exceeded', 'LimitExceededException');
  static readonly upstreamFailed = new GatewayResponse(502, 'Internal server error', 'InternalServerErrorException');
  static readonly upstreamTimedOut = new GatewayResponse(504, 'Endpoint request timed out', 'IntegrationTimeout');

  private readonly body: Buffer;

  private constructor(
    readonly status: number,
    readonly message: string,
    private readonly errorType: string,
    code?: ErrorCode,
  ) {
    // API Gateway's own answers carry only `message`; Keyport's additions take its one error shape.
    const body = code ? { statusCode: status, error: message, message: ERROR_CODES[code], code } : { message };
    this.body = Buffer.from(JSON.stringify(body));
  }

  send(response: ServerResponse): void {
    response.writeHead(this.status, {
      'content-type': 'application/json',
      'content-length': this.body.length,
      'x-amzn-errortype': this.errorType,
    });
    response.end(this.body);
  }
}
