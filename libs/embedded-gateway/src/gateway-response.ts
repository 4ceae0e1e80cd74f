import { type ServerResponse } from 'node:http';

/** A response the gateway answers itself, with API Gateway's body and error type header. */
export class GatewayResponse {
  static readonly badRequest = new GatewayResponse(400, 'Bad Request', 'BadRequestException');
  /** As API Gateway's Cognito authorizer answers a missing or invalid token. */
  static readonly unauthorized = new GatewayResponse(401, 'Unauthorized', 'UnauthorizedException');
  static readonly forbidden = new GatewayResponse(403, 'Forbidden', 'ForbiddenException');
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
  ) {
    this.body = Buffer.from(JSON.stringify({ message }));
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
