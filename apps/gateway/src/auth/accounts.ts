import { ConflictException, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, FieldCipher } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { CLOCK } from '@korgoo/platform';
import { invalidField } from '../http/problems';
import { afterCursor, Page, PageQuery, pageSize, toPage } from '../http/page';
import { accountNameContext } from '../orders/sealed-fields';
import { PoliceUnit } from '../police-units/police-unit.entity';
import type { Actor } from '@korgoo/contracts';
import { Account } from './account.entity';
import { AccountStanding } from './account-standing';
import { AccountView, ChangeAccountRequest, CreateAccountRequest, SessionResponse } from './auth.dto';
import { PasswordHashing } from './password-hashing';
import { SecondFactor } from './second-factor';
import { actorOf, SessionTokens } from './session-tokens';
import { SignInFailureCounters } from './sign-in-failures';

// Compared against when the username is unknown, so a wrong username costs as long as a wrong password.
const UNKNOWN_ACCOUNT_HASH = '$2b$10$rm5rBbPtwkFd5sKIyR4rF.YMiS8QNQNunZCbfTvBTeQWNdIwOsIYi';
const WRONG_CREDENTIALS = 'username or password is wrong';
const TOTP_REQUIRED = 'totpCode is required: this account signs in with a code from its authenticator app';
const WRONG_TOTP = 'totpCode is wrong or was used already; wait for the next code';

/** A sign-in the gateway's door let past the budget as a known device of `accountId`. */
export interface KnownDeviceSignIn {
  accountId: string;
  chargePasswordCheck(): Promise<void>;
}

export interface SignedIn {
  session: SessionResponse;
  accountId: string;
}

@Injectable()
export class Accounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHashing,
    private readonly sessions: SessionTokens,
    private readonly failures: SignInFailureCounters,
    private readonly standing: AccountStanding,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly secondFactor: SecondFactor,
  ) {}

  /**
   * An account with a second factor also needs `totpCode`; a wrong or reused code counts as a failed sign-in.
   * A sign-in admitted past the budget as a known device pays for its check here when it names another account.
   */
  async login(username: string, password: string, address: string | null, totpCode?: string, device?: KnownDeviceSignIn): Promise<SignedIn> {
    await this.failures.refuseWhileLocked(username, address);
    const account = await this.dataSource.getRepository(Account).findOne({ where: { username, active: true } });
    if (device && device.accountId !== account?.id) await device.chargePasswordCheck();
    const matches = await this.passwords.matches(password, account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (!account || !matches) {
      await this.failures.failed(username, address);
      await this.audit.refusal(account ? actorOf(account) : null, 'sign_in', 'account', account?.id ?? null);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    const outcome = await this.dataSource.transaction(async (tx) => {
      const factor = await this.secondFactor.check(tx, account, totpCode);
      if (factor === 'missing' || factor === 'refused') return factor;
      const started = await this.sessions.start(account, tx);
      await this.audit.record(actorOf(account), 'sign_in', 'account', account.id, tx);
      return started;
    });
    if (outcome === 'missing' || outcome === 'refused') {
      if (outcome === 'refused') await this.failures.failed(username, address);
      await this.audit.refusal(actorOf(account), 'sign_in', 'account', account.id);
      throw new UnauthorizedException(outcome === 'missing' ? TOTP_REQUIRED : WRONG_TOTP);
    }
    await this.failures.succeeded(username);
    return { session: outcome, accountId: account.id };
  }

  /** Signs the account out everywhere else and returns a fresh session for the caller. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<SessionResponse> {
    const account = await this.dataSource.getRepository(Account).findOne({ where: { id: actor.accountId, active: true } });
    if (!account || !(await this.passwords.matches(currentPassword, account.passwordHash))) {
      await this.audit.refusal(actor, 'change_password', 'account', actor.accountId);
      throw invalidField('currentPassword', 'currentPassword is not the account’s password');
    }
    const passwordHash = await this.passwords.hash(newPassword);
    const session = await this.dataSource.transaction(async (tx) => {
      const changed = await this.replaceCredentials(tx, account, { passwordHash, passwordChangedAt: this.clock.now() });
      await this.audit.record(actor, 'change_password', 'account', account.id, tx);
      return this.sessions.start(changed, tx);
    });
    this.standing.forget(account.id);
    return session;
  }

  async resetPassword(admin: Actor, accountId: string, newPassword: string): Promise<void> {
    const account = await this.find(accountId);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (tx) => {
      // Whoever lost their password may have lost their phone too: the second factor is enrolled again.
      const noSecondFactor = { totpSecret: null, totpEnabledAt: null, totpLastStep: null };
      await this.replaceCredentials(tx, account, { passwordHash, passwordChangedAt: this.clock.now(), ...noSecondFactor });
      await this.audit.record(admin, 'reset_password', 'account', account.id, tx);
    });
    this.standing.forget(account.id);
  }

  async create(admin: Actor | null, request: CreateAccountRequest): Promise<AccountView> {
    const id = randomUUID();
    const account: Account = {
      id,
      username: request.username,
      passwordHash: await this.passwords.hash(request.password),
      role: request.role,
      centreId: request.role === 'centre' ? (request.centreId ?? null) : null,
      unitCode: request.role === 'police' ? (request.unitCode ?? null) : null,
      displayName: this.cipher.seal(request.displayName, accountNameContext(id)),
      active: true,
      tokenVersion: 0,
      passwordChangedAt: this.clock.now(),
      createdAt: this.clock.now(),
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
    };
    await this.dataSource.transaction(async (tx) => {
      await this.requireUnit(tx, account.unitCode);
      const inserted = await tx.createQueryBuilder().insert().into(Account).values(account).orIgnore().returning(['id']).execute();
      if (inserted.raw.length === 0) throw new ConflictException(`username ${request.username} is already taken`);
      if (admin) await this.audit.record(admin, 'create_account', 'account', account.id, tx);
    });
    return this.view(account);
  }

  /** A new role, place or deactivation makes every token the account holds stale. */
  async change(admin: Actor, accountId: string, request: ChangeAccountRequest): Promise<AccountView> {
    const account = await this.find(accountId);
    const role = request.role ?? account.role;
    const next: Partial<Account> = {
      role,
      centreId: role === 'centre' ? (request.centreId ?? account.centreId) : null,
      unitCode: role === 'police' ? (request.unitCode ?? account.unitCode) : null,
      active: request.active ?? account.active,
      displayName: request.displayName === undefined ? account.displayName : this.cipher.seal(request.displayName, accountNameContext(account.id)),
    };
    if (role === 'centre' && !next.centreId) throw invalidField('centreId', 'centreId is required for centre staff');
    if (role === 'police' && !next.unitCode) throw invalidField('unitCode', 'unitCode is required for police');
    const signsOut =
      next.role !== account.role || next.centreId !== account.centreId || next.unitCode !== account.unitCode || !next.active;
    const changed = await this.dataSource.transaction(async (tx) => {
      await this.requireUnit(tx, next.unitCode ?? null);
      const updated = signsOut
        ? await this.replaceCredentials(tx, account, next)
        : await this.update(tx, account, next);
      await this.audit.record(admin, 'change_account', 'account', account.id, tx);
      return updated;
    });
    // After the commit, so this replica cannot re-read the old version in between.
    this.standing.forget(account.id);
    return this.view(changed);
  }

  async list(admin: Actor, query: PageQuery): Promise<Page<AccountView>> {
    const size = pageSize(query);
    const after = afterCursor(query);
    const builder = this.dataSource.getRepository(Account).createQueryBuilder('account').orderBy('account.username').take(size + 1);
    if (after) builder.where('account.username > :after', { after });
    const rows = await builder.getMany();
    await this.audit.record(admin, 'list', 'account', null);
    const page = toPage(rows, size, (last) => last.username);
    return { items: page.items.map((account) => this.view(account)), nextCursor: page.nextCursor };
  }

  /** Creates the account unless its username exists; used for the development demo accounts. */
  async ensure(request: CreateAccountRequest): Promise<void> {
    const exists = await this.dataSource.getRepository(Account).exists({ where: { username: request.username } });
    if (!exists) await this.create(null, request).catch((error) => { if (!(error instanceof ConflictException)) throw error; });
  }

  private async find(accountId: string): Promise<Account> {
    const account = await this.dataSource.getRepository(Account).findOne({ where: { id: accountId } });
    if (!account) throw new NotFoundException(`no account ${accountId}`);
    return account;
  }

  private async replaceCredentials(tx: EntityManager, account: Account, changes: Partial<Account>): Promise<Account> {
    const updated = await this.update(tx, account, { ...changes, tokenVersion: account.tokenVersion + 1 });
    await this.sessions.endAll(account.id, tx);
    return updated;
  }

  private async update(tx: EntityManager, account: Account, changes: Partial<Account>): Promise<Account> {
    await tx.getRepository(Account).update({ id: account.id }, changes);
    return { ...account, ...changes };
  }
  private view(account: Account): AccountView {
    return {
      id: account.id,
      username: account.username,
      role: account.role,
      centreId: account.centreId,
      unitCode: account.unitCode,
      displayName: this.cipher.open(account.displayName, accountNameContext(account.id)),
      active: account.active,
    };
  }


  private async requireUnit(tx: EntityManager, unitCode: string | null) {
    if (!unitCode) return;
    if (!(await tx.getRepository(PoliceUnit).exists({ where: { code: unitCode } }))) throw invalidField('unitCode', `unitCode ${unitCode} is not in the police unit directory`);
  }
}

