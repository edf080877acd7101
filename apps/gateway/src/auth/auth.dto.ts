import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CENTRE_ID, POLICE_UNIT_CODE, ROLES, type Role } from '@korgoo/contracts';

const USERNAME = /^[a-z0-9._-]{3,60}$/;
const USERNAME_RULE = 'username must be 3-60 characters: a-z, 0-9, dot, dash or underscore';
const CENTRE_RULE = 'centreId must be a centre id such as naryn-asylzat';
const UNIT_RULE = 'unitCode must be a police unit code such as naryn-riib';
const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const REFRESH_RULE = 'refreshToken must be the refresh token given at sign-in or at the last refresh';
const TOTP_CODE = /^\d{6}$/;
const TOTP_RULE = 'totpCode must be the six digits the authenticator app shows';

/** A new password: long rather than complicated (ASVS 2.1). */
function NewPassword(property: string) {
  return applyDecorators(
    ApiProperty({ minLength: 12, maxLength: 200, description: 'at least 12 characters' }),
    IsString(),
    MinLength(12, { message: `${property} must be at least 12 characters` }),
    MaxLength(200),
  );
}

export class LoginRequest {
  @ApiProperty({ example: 'police.demo' })
  @Matches(USERNAME, { message: USERNAME_RULE })
  username: string;

  @ApiProperty({ example: 'korgoo-demo-police' })
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ example: '123456', description: 'The authenticator app\'s current code: required once the account has a second factor' })
  @IsOptional()
  @Matches(TOTP_CODE, { message: TOTP_RULE })
  totpCode?: string;
}

export class SecondFactorCodeRequest {
  @ApiProperty({ example: '123456', description: 'The current code the authenticator app shows for the new secret' })
  @Matches(TOTP_CODE, { message: TOTP_RULE.replace('totpCode', 'code') })
  code: string;
}

export class SecondFactorStatusResponse {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the second factor came into force; null while sign-in needs none' })
  inForceSince: string | null;
}

export class SecondFactorEnrolmentResponse {
  @ApiProperty({ description: 'Scan into an authenticator app (as a QR code); shown once, never again', example: 'otpauth://totp/Korgoo:admin.demo?issuer=Korgoo&secret=…' })
  otpauthUri: string;
  @ApiProperty({ description: 'The same secret in base32, to type in by hand; shown once' })
  secret: string;
}

export class RefreshRequest {
  @ApiProperty({ description: 'The refresh token from sign-in or from the previous refresh; it works once' })
  @Matches(REFRESH_TOKEN, { message: REFRESH_RULE })
  refreshToken: string;
}

export class SessionResponse {
  @ApiProperty({ description: 'Bearer token for every other call (Authorization: Bearer …)' })
  accessToken: string;
  @ApiProperty({ example: 900, description: 'The access token expires after this many seconds: refresh before' })
  expiresInSeconds: number;
  @ApiProperty({ description: 'Opaque, single use: POST it to /auth/refresh for a new pair; keep it out of URLs and logs' })
  refreshToken: string;
  @ApiProperty({ example: 43200 })
  refreshExpiresInSeconds: number;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String, description: 'Centre staff only' }) centreId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Police only: the unit whose orders the account sees' })
  unitId: string | null;
}

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @NewPassword('newPassword')
  newPassword: string;
}

export class ResetPasswordRequest {
  @NewPassword('newPassword')
  newPassword: string;
}

export class CreateAccountRequest {
  @ApiProperty({ example: 'officer.asanov' })
  @Matches(USERNAME, { message: USERNAME_RULE })
  username: string;

  @NewPassword('password')
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ description: 'Required for centre staff: the centre they work for' })
  @ValidateIf((o: CreateAccountRequest) => o.role === 'centre')
  @Matches(CENTRE_ID, { message: CENTRE_RULE })
  centreId?: string;

  @ApiPropertyOptional({ description: 'Required for police: the unit they serve in (see /police-units)' })
  @ValidateIf((o: CreateAccountRequest) => o.role === 'police')
  @Matches(POLICE_UNIT_CODE, { message: UNIT_RULE })
  unitCode?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;
}

/** Only the fields given change; a new role or deactivation signs the account out everywhere within a minute. */
export class ChangeAccountRequest {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'Centre staff: the centre they work for' })
  @IsOptional()
  @Matches(CENTRE_ID, { message: CENTRE_RULE })
  centreId?: string;

  @ApiPropertyOptional({ description: 'Police: the unit they serve in' })
  @IsOptional()
  @Matches(POLICE_UNIT_CODE, { message: UNIT_RULE })
  unitCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;
}

export class AccountView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) centreId: string | null;
  @ApiProperty({ nullable: true, type: String }) unitCode: string | null;
  @ApiProperty() displayName: string;
  @ApiProperty() active: boolean;
}
