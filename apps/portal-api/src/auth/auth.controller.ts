import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { invalid } from '@keyport/common';
import { AuthService } from '@keyport/developers';
import { ApiErrors } from '../http/api-errors.decorator';
import {
  ConfirmDto,
  EmailDto,
  LoginDto,
  LogoutDto,
  NewPasswordChallengeDto,
  NewPasswordDto,
  RefreshDto,
  ResetPasswordDto,
  SignUpDto,
  SignUpResponseDto,
  TokensResponseDto,
} from './auth.dto';
import { Public } from './public.decorator';
import {
  REFRESH_COOKIE,
  SESSION_HEADER,
  clearRefreshCookie,
  refreshTokenFromCookie,
  requireSameSite,
  setRefreshCookie,
  wantsCookieSession,
} from './refresh-cookie';

const SESSION_HEADER_DOC = {
  name: SESSION_HEADER,
  required: false,
  enum: ['cookie'],
  description: `\`cookie\`: the refresh token travels in the HttpOnly cookie \`${REFRESH_COOKIE}\` (Path=/v1/auth, SameSite=Strict) instead of the JSON (browsers)`,
};

@ApiTags('auth')
@Public()
// Cognito's own limits on these calls answer 429 RATE_LIMITED too; an unreachable pool 503.
@ApiErrors({ 503: ['UNAVAILABLE'] })
@ApiExtraModels(TokensResponseDto, NewPasswordChallengeDto)
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('signup')
  @ApiOperation({
    summary: 'Sign up with e-mail and password',
    description:
      'Creates the account in the Cognito user pool and the developer on the default tier (`standard`). ' +
      'The account must be confirmed before it can sign in: Cognito e-mails a code (on the embedded default the code is ' +
      'printed in the server log instead) for POST /v1/auth/confirm, or an admin confirms it.',
  })
  @ApiCreatedResponse({ type: SignUpResponseDto, description: 'Account created; confirm it before signing in' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 409: ['EMAIL_TAKEN'] })
  signUp(@Body() body: SignUpDto): Promise<SignUpResponseDto> {
    return this.auth.signUp(body.email, body.password);
  }

  @Post('confirm')
  @ApiOperation({
    summary: 'Confirm a sign-up with the code',
    description: 'Confirms the account with the code Cognito e-mailed (on the embedded default: printed in the server log).',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Account confirmed' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['ALREADY_CONFIRMED'] })
  async confirm(@Body() body: ConfirmDto): Promise<void> {
    await this.auth.confirm(body.email, body.code);
  }

  @Post('login')
  @ApiOperation({
    summary: 'Sign in: access, ID and refresh tokens',
    description:
      'Send the access token as `Authorization: Bearer <accessToken>`; when it expires (401 `TOKEN_EXPIRED`), POST /v1/auth/refresh. ' +
      'With the temporary password of an invitation the answer is `{challenge: "NEW_PASSWORD_REQUIRED", session}` instead: ' +
      'choose your own password with POST /v1/auth/new-password.',
  })
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Signed in (tokens), or a temporary password to replace (NEW_PASSWORD_REQUIRED)',
    schema: { oneOf: [{ $ref: getSchemaPath(TokensResponseDto) }, { $ref: getSchemaPath(NewPasswordChallengeDto) }] },
  })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 401: ['BAD_CREDENTIALS', 'ACCOUNT_NOT_CONFIRMED', 'NEW_PASSWORD_REQUIRED'], 429: ['ACCOUNT_LOCKED'] })
  @ApiHeader(SESSION_HEADER_DOC)
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokensResponseDto | NewPasswordChallengeDto> {
    const result = await this.auth.login(body.email, body.password);
    return 'challenge' in result ? result : this.deliver(result, request, reply);
  }

  @Post('new-password')
  @ApiOperation({
    summary: 'Replace a temporary password (invitation) and sign in',
    description:
      'Answers the NEW_PASSWORD_REQUIRED challenge of POST /v1/auth/login: sets your own password and returns tokens. ' +
      'The invitation is then accepted. A session that is wrong, used or older than 3 minutes answers 400 `SESSION_INVALID`: sign in again.',
  })
  @HttpCode(200)
  @ApiHeader(SESSION_HEADER_DOC)
  @ApiOkResponse({ type: TokensResponseDto, description: 'Password set; signed in' })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'SESSION_INVALID'] })
  async newPassword(@Body() body: NewPasswordDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokensResponseDto> {
    return this.deliver(await this.auth.completeNewPassword(body.email, body.session, body.newPassword), request, reply);
  }

  @Post('refresh')
  @ApiOperation({
    summary: 'New access and ID tokens from a refresh token',
    description:
      'Trades the refresh token from sign-in for new access and ID tokens; the refresh token itself stays the same. ' +
      `A browser session sends \`${SESSION_HEADER}: cookie\` and no token: the cookie's is used, only from this site (403 \`CROSS_SITE_REQUEST\` otherwise).`,
  })
  @HttpCode(200)
  @ApiHeader(SESSION_HEADER_DOC)
  @ApiOkResponse({ type: TokensResponseDto, description: 'New tokens (without a refresh token)' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 401: ['REFRESH_TOKEN_INVALID'], 403: ['CROSS_SITE_REQUEST'] })
  refresh(@Body() body: RefreshDto, @Req() request: FastifyRequest): Promise<TokensResponseDto> {
    return this.auth.refresh(this.refreshTokenOf(body.refreshToken, request));
  }

  @Post('logout')
  @ApiOperation({
    summary: 'Sign out: revoke the refresh token',
    description:
      'Revokes the refresh token (in the body, or the session cookie, which is cleared); it no longer gives new tokens. ' +
      'Access tokens already issued work until they expire (at most an hour). Revoking a token that no longer works is success.',
  })
  @HttpCode(204)
  @ApiHeader(SESSION_HEADER_DOC)
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['CROSS_SITE_REQUEST'] })
  async logout(@Body() body: LogoutDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    // Signing out with no session left (the cookie expired or was cleared) is already done.
    if (body.refreshToken === undefined && refreshTokenFromCookie(request) === undefined) {
      clearRefreshCookie(request, reply);
      return;
    }
    await this.auth.logout(this.refreshTokenOf(body.refreshToken, request));
    if (body.refreshToken === undefined) clearRefreshCookie(request, reply);
  }

  @Post('forgot-password')
  @ApiOperation({
    summary: 'Ask for a password reset code',
    description:
      'E-mails a code (on the embedded default, printed in the server log) for POST /v1/auth/reset-password when a confirmed account has this e-mail. ' +
      'Always 202, whether or not it has: the answer tells nobody which e-mails have accounts.',
  })
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'If a confirmed account has this e-mail, a code is on its way' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async forgotPassword(@Body() body: EmailDto): Promise<void> {
    await this.auth.forgotPassword(body.email);
  }

  @Post('reset-password')
  @ApiOperation({
    summary: 'Set a new password with the reset code',
    description: 'The code from POST /v1/auth/forgot-password (valid one hour) and the new password; then sign in with it.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'CODE_INVALID'] })
  async resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    await this.auth.resetPassword(body.email, body.code, body.newPassword);
  }

  @Post('resend-code')
  @ApiOperation({
    summary: 'Send the sign-up confirmation code again',
    description:
      'A new code for POST /v1/auth/confirm when an unconfirmed account has this e-mail. Always 202: the answer tells nobody which e-mails have accounts.',
  })
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'If an unconfirmed account has this e-mail, a new code is on its way' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async resendCode(@Body() body: EmailDto): Promise<void> {
    await this.auth.resendCode(body.email);
  }

  /** Tokens as the client asked: in the JSON, or (a browser session) the refresh token in the HttpOnly cookie instead. */
  private deliver(tokens: TokensResponseDto, request: FastifyRequest, reply: FastifyReply): TokensResponseDto {
    if (!wantsCookieSession(request) || !tokens.refreshToken) return tokens;
    setRefreshCookie(request, reply, tokens.refreshToken);
    const { refreshToken: _inCookie, ...rest } = tokens;
    return rest;
  }

  /** The token in the body, else the session cookie's (from this site only). */
  private refreshTokenOf(fromBody: string | undefined, request: FastifyRequest): string {
    if (fromBody !== undefined) return fromBody;
    const fromCookie = refreshTokenFromCookie(request);
    if (fromCookie === undefined) throw invalid('Send refreshToken, or sign in again', [{ field: 'refreshToken', message: 'is required' }]);
    requireSameSite(request);
    return fromCookie;
  }
}
