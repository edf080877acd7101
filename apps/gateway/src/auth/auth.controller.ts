import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { KorgooConfig } from '@korgoo/config';
import { KORGOO_CONFIG } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { ApiProblems } from '../http/openapi';
import { Page, PageQuery } from '../http/page';
import { Accounts } from './accounts';
import { AuthGuard, CurrentActor, Roles } from './auth.guard';
import {
  AccountView,
  ChangeAccountRequest,
  ChangePasswordRequest,
  CreateAccountRequest,
  LoginRequest,
  RefreshRequest,
  ResetPasswordRequest,
  SecondFactorCodeRequest,
  SecondFactorEnrolmentResponse,
  SecondFactorStatusResponse,
  SessionResponse,
} from './auth.dto';
import { SecondFactor } from './second-factor';
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_LIFETIME_MS } from './known-device';
import { SignInAdmissionGate } from './sign-in-admission';
import { SessionTokens } from './session-tokens';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly accounts: Accounts,
    private readonly sessions: SessionTokens,
    private readonly secondFactor: SecondFactor,
    private readonly gate: SignInAdmissionGate,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
  ) {}

  @ApiProblems(400, 401, 429, 503)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    security: [],
    description:
      'Returns a 15-minute access token and a single-use refresh token. Five wrong passwords for one username ' +
      'lock it for a minute, doubling with each further failure (up to 30 minutes); 100 failures from one address ' +
      'in 15 minutes lock the address. Locked: 429 with retryAfterSeconds, before any password is checked. ' +
      'The gateway checks only so many passwords per second from all addresses together; beyond that 503 with ' +
      'retryAfterSeconds and a Retry-After header, before anything else. A successful sign-in sets the korgoo_device ' +
      'cookie (HttpOnly, SameSite=Strict, sent only to this route, 90 days): later sign-ins from that device to the same ' +
      'account pass the budget (three a minute per device; the password, second factor and lockouts still apply). ' +
      'An account with a second factor also sends totpCode: 401 naming totpCode when it is missing, wrong or used before.',
  })
  @ApiOkResponse({ type: SessionResponse })
  async login(@Body() request: LoginRequest, @Req() http: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const knownAccountId = this.gate.knownDeviceOf(http);
    const device = knownAccountId === null ? undefined : { accountId: knownAccountId, chargePasswordCheck: () => this.gate.chargePasswordCheck(response) };
    const { session, accountId } = await this.accounts.login(request.username, request.password, http.ip ?? null, request.totpCode, device);
    // Sent back only to the sign-in itself, out of reach of the page's scripts.
    response.cookie(KNOWN_DEVICE_COOKIE, this.gate.knownDeviceToken(accountId), {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.environment === 'production',
      path: '/api/v1/auth/login',
      maxAge: KNOWN_DEVICE_LIFETIME_MS,
    });
    return session;
  }

  @ApiProblems(400, 401)
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new access token and a new refresh token',
    security: [],
    description:
      'The refresh token works once. Presenting one that was already used revokes every token of that session ' +
      '(it was copied); so does deactivation, a role change or a password reset of the account.',
  })
  @ApiOkResponse({ type: SessionResponse })
  refresh(@Body() request: RefreshRequest): Promise<SessionResponse> {
    return this.sessions.rotate(request.refreshToken);
  }

  @ApiProblems(400)
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out',
    security: [],
    description: 'Revokes the session of the refresh token. The access token lapses within 15 minutes; drop it.',
  })
  @ApiNoContentResponse()
  async logout(@Body() request: RefreshRequest): Promise<void> {
    await this.sessions.end(request.refreshToken);
  }

  @ApiProblems(400, 401)
  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @UseGuards(AuthGuard)
  @ApiOperation({
    summary: 'Change one’s own password',
    description: 'Signs the account out on every other device and returns a fresh session for this one.',
  })
  @ApiOkResponse({ type: SessionResponse })
  changePassword(@Body() request: ChangePasswordRequest, @CurrentActor() actor: Actor): Promise<SessionResponse> {
    return this.accounts.changePassword(actor, request.currentPassword, request.newPassword);
  }

  @ApiProblems(401, 403)
  @Get('second-factor')
  @ApiBearerAuth()
  @UseGuards(AuthGuard)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Whether one’s own sign-in needs a second factor, and since when' })
  @ApiOkResponse({ type: SecondFactorStatusResponse })
  secondFactorStatus(@CurrentActor() actor: Actor): Promise<SecondFactorStatusResponse> {
    return this.secondFactor.status(actor);
  }

  @ApiProblems(400, 401, 403, 409)
  @Post('second-factor/enrolment')
  @HttpCode(200)
  @ApiBearerAuth()
  @UseGuards(AuthGuard)
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Start a TOTP second factor for one’s own account',
    description:
      'Returns a new secret once, as an otpauth URI for an authenticator app; it is in force only after confirmation. ' +
      'Enrolling again before confirming replaces the secret; 409 once the second factor is in force.',
  })
  @ApiOkResponse({ type: SecondFactorEnrolmentResponse })
  enrolSecondFactor(@CurrentActor() actor: Actor): Promise<SecondFactorEnrolmentResponse> {
    return this.secondFactor.enrol(actor);
  }

  @ApiProblems(400, 401, 403, 409)
  @Post('second-factor/confirmation')
  @HttpCode(204)
  @ApiBearerAuth()
  @UseGuards(AuthGuard)
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Put the enrolled second factor in force with a first code',
    description: 'From then on sign-in needs totpCode. 400 naming code when it is wrong; 409 when already in force.',
  })
  @ApiNoContentResponse()
  async confirmSecondFactor(@Body() request: SecondFactorCodeRequest, @CurrentActor() actor: Actor): Promise<void> {
    await this.secondFactor.confirm(actor, request.code);
  }
}

@ApiTags('accounts')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Roles('admin')
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: Accounts) {}

  @ApiOperation({ summary: 'Create an account' })
  @ApiCreatedResponse({ type: AccountView })
  @Post()
  create(@Body() request: CreateAccountRequest, @CurrentActor() admin: Actor): Promise<AccountView> {
    return this.accounts.create(admin, request);
  }

  @Get()
  @ApiOperation({ summary: 'List accounts by username, a page at a time' })
  @ApiOkResponse({ description: 'Accounts by username, a page at a time' })
  list(@Query() query: PageQuery, @CurrentActor() admin: Actor): Promise<Page<AccountView>> {
    return this.accounts.list(admin, query);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an account’s role, centre or unit, or deactivate it',
    description: 'A new role, centre or unit, or deactivation, ends every session of the account within a minute',
  })
  change(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: ChangeAccountRequest,
    @CurrentActor() admin: Actor,
  ): Promise<AccountView> {
    return this.accounts.change(admin, id, request);
  }

  @Post(':id/password-reset')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Reset an account’s password',
    description: 'Sets a new password chosen by the admin and ends every session of the account',
  })
  async resetPassword(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: ResetPasswordRequest,
    @CurrentActor() admin: Actor,
  ): Promise<void> {
    await this.accounts.resetPassword(admin, id, request.newPassword);
  }
}
