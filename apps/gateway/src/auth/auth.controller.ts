import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import { Accounts } from './accounts';
import { AuthGuard, Roles } from './auth.guard';
import { AccountView, CreateAccountRequest, LoginRequest, LoginResponse } from './auth.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly accounts: Accounts) {}

  @ApiOperation({ summary: 'Sign in', security: [] })
  @ApiProblems(400, 401)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() request: LoginRequest): Promise<LoginResponse> {
    return this.accounts.login(request.username, request.password);
  }
}

@ApiTags('accounts')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: Accounts) {}

  @ApiOperation({ summary: 'Create an account' })
  @ApiCreatedResponse({ type: AccountView })
  @Post()
  @Roles('admin')
  create(@Body() request: CreateAccountRequest): Promise<AccountView> {
    return this.accounts.create(request);
  }
}
