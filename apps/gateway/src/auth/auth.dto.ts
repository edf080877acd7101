import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@korgoo/contracts';

const USERNAME = /^[a-z0-9._-]{3,60}$/;
const USERNAME_RULE = 'username must be 3-60 characters: a-z, 0-9, dot, dash or underscore';

export class LoginRequest {
  @ApiProperty({ example: 'police.demo' })
  @Matches(USERNAME, { message: USERNAME_RULE })
  username: string;

  @ApiProperty({ example: 'korgoo-demo-police' })
  @IsString()
  @MaxLength(200)
  password: string;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty() expiresInSeconds: number;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) centreId: string | null;
}

export class CreateAccountRequest {
  @ApiProperty({ example: 'officer.asanov' })
  @Matches(USERNAME, { message: USERNAME_RULE })
  username: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ required: false, description: 'Required for centre staff: the centre they work for' })
  @ValidateIf((o: CreateAccountRequest) => o.role === 'centre')
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'centreId must be a centre id such as naryn-asylzat' })
  centreId?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;
}

export class AccountView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) centreId: string | null;
  @ApiProperty() displayName: string;
}
