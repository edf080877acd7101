import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { compare, hash } from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Account } from './account.entity';
import { AccountView, CreateAccountRequest, LoginResponse } from './auth.dto';

export const TOKEN_LIFETIME_SECONDS = 8 * 3600;
const BCRYPT_COST = 10;
// Compared against when the username is unknown, so a wrong username costs as long as a wrong password.
const UNKNOWN_ACCOUNT_HASH = '$2b$10$rm5rBbPtwkFd5sKIyR4rF.YMiS8QNQNunZCbfTvBTeQWNdIwOsIYi';

@Injectable()
export class Accounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const account = await this.dataSource.getRepository(Account).findOne({ where: { username, active: true } });
    const matches = await compare(password, account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (!account || !matches) throw new UnauthorizedException('username or password is wrong');
    const accessToken = await this.jwt.signAsync(
      { sub: account.id, role: account.role, centreId: account.centreId },
      { expiresIn: TOKEN_LIFETIME_SECONDS, algorithm: 'HS256' },
    );
    return { accessToken, expiresInSeconds: TOKEN_LIFETIME_SECONDS, role: account.role, centreId: account.centreId };
  }

  async create(request: CreateAccountRequest): Promise<AccountView> {
    const account: Account = {
      id: randomUUID(),
      username: request.username,
      passwordHash: await hash(request.password, BCRYPT_COST),
      role: request.role,
      centreId: request.role === 'centre' ? (request.centreId ?? null) : null,
      displayName: request.displayName,
      active: true,
      createdAt: new Date(),
    };
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Account)
      .values(account)
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) throw new ConflictException(`username ${request.username} is already taken`);
    return { id: account.id, username: account.username, role: account.role, centreId: account.centreId, displayName: account.displayName };
  }

  /** Creates the account unless its username exists; used for the development demo accounts. */
  async ensure(request: CreateAccountRequest): Promise<void> {
    const exists = await this.dataSource.getRepository(Account).exists({ where: { username: request.username } });
    if (!exists) await this.create(request).catch((error) => { if (!(error instanceof ConflictException)) throw error; });
  }
}
