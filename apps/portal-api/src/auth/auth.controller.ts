import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from '@keyport/developers';
import { ApiErrors } from '../http/api-errors.decorator';
import { ConfirmDto, LoginDto, RefreshDto, SignUpDto, SignUpResponseDto, TokensResponseDto } from './auth.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Public()
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('signup')
  @ApiOperation({ summary: 'Sign up with e-mail and password' })
  @ApiCreatedResponse({ type: SignUpResponseDto, description: 'Account created; confirm it before signing in' })
  @ApiErrors(400, 409, 429)
  signUp(@Body() body: SignUpDto): Promise<SignUpResponseDto> {
    return this.auth.signUp(body.email, body.password);
  }

  @Post('confirm')
  @ApiOperation({ summary: 'Confirm a sign-up with the e-mailed code' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Account confirmed' })
  @ApiErrors(400, 404, 429)
  async confirm(@Body() body: ConfirmDto): Promise<void> {
    await this.auth.confirm(body.email, body.code);
  }

  @Post('login')
  @ApiOperation({ summary: 'Sign in: access, ID and refresh tokens' })
  @HttpCode(200)
  @ApiOkResponse({ type: TokensResponseDto })
  @ApiErrors(400, 401, 429)
  login(@Body() body: LoginDto): Promise<TokensResponseDto> {
    return this.auth.login(body.email, body.password);
  }

  @Post('refresh')
  @ApiOperation({ summary: 'New access and ID tokens from a refresh token' })
  @HttpCode(200)
  @ApiOkResponse({ type: TokensResponseDto })
  @ApiErrors(400, 401, 429)
  refresh(@Body() body: RefreshDto): Promise<TokensResponseDto> {
    return this.auth.refresh(body.refreshToken);
  }
}
