import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AuthService } from '@keyport/developers';
import { ApiErrors } from '../http/api-errors.decorator';
import { ConfirmDto, LoginDto, NewPasswordChallengeDto, NewPasswordDto, RefreshDto, SignUpDto, SignUpResponseDto, TokensResponseDto } from './auth.dto';
import { Public } from './public.decorator';

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
  login(@Body() body: LoginDto): Promise<TokensResponseDto | NewPasswordChallengeDto> {
    return this.auth.login(body.email, body.password);
  }

  @Post('new-password')
  @ApiOperation({
    summary: 'Replace a temporary password (invitation) and sign in',
    description:
      'Answers the NEW_PASSWORD_REQUIRED challenge of POST /v1/auth/login: sets your own password and returns tokens. ' +
      'The invitation is then accepted. A session that is wrong, used or older than 3 minutes answers 400 `SESSION_INVALID`: sign in again.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: TokensResponseDto, description: 'Password set; signed in' })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'SESSION_INVALID'] })
  newPassword(@Body() body: NewPasswordDto): Promise<TokensResponseDto> {
    return this.auth.completeNewPassword(body.email, body.session, body.newPassword);
  }

  @Post('refresh')
  @ApiOperation({
    summary: 'New access and ID tokens from a refresh token',
    description: 'Trades the refresh token from sign-in for new access and ID tokens; the refresh token itself stays the same.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: TokensResponseDto, description: 'New tokens (without a refresh token)' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 401: ['REFRESH_TOKEN_INVALID'] })
  refresh(@Body() body: RefreshDto): Promise<TokensResponseDto> {
    return this.auth.refresh(body.refreshToken);
  }
}
