import { ConflictException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@korgoo/contracts';
import { CLOCK } from '@korgoo/platform';
import { Clock, FieldCipher } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { invalidField } from '../http/problems';
import { totpSecretContext } from '../orders/sealed-fields';
import { Account } from './account.entity';
import { acceptedStep, newTotpSecret, otpauthUri } from './totp';

export interface TotpEnrolment {
  otpauthUri: string;
  secret: string;
}

/** How a sign-in's second factor stands once the password matched. */
export type SecondFactorCheck = 'not_required' | 'accepted' | 'missing' | 'refused';

const WRONG_CODE = 'code must be the current six-digit code of the authenticator app';

/**
 * The optional TOTP second factor of an account (coordinators and admins): enrolment shows the secret once,
 * confirmation with a first code puts it in force, and from then on every sign-in needs a fresh code.
 * The secret is sealed at rest; enrolment and confirmation are audited.
 */
@Injectable()
export class SecondFactor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Whether sign-in to one's own account needs a code, and since when. */
  async status(actor: Actor): Promise<{ inForceSince: string | null }> {
    const account = await this.dataSource.getRepository(Account).findOne({ where: { id: actor.accountId, active: true } });
    if (!account) throw new UnauthorizedException('this account is no longer active');
    return { inForceSince: account.totpEnabledAt?.toISOString() ?? null };
  }

  /** A new secret, replacing one not yet confirmed; 409 once a second factor is in force. */
  async enrol(actor: Actor): Promise<TotpEnrolment> {
    const secret = newTotpSecret();
    const username = await this.dataSource.transaction(async (tx) => {
      const account = await this.lockedAccount(tx, actor);
      if (account.totpEnabledAt) throw new ConflictException('this account already signs in with a second factor');
      await tx.getRepository(Account).update(account.id, { totpSecret: this.cipher.seal(secret, totpSecretContext(account.id)), totpLastStep: null });
      await this.audit.record(actor, 'enrol_second_factor', 'account', account.id, tx);
      return account.username;
    });
    return { otpauthUri: otpauthUri(secret, username), secret };
  }

  /** The first code from the app shows it holds the secret: from now on sign-in needs a code. */
  async confirm(actor: Actor, code: string): Promise<void> {
    const refused = await this.dataSource.transaction(async (tx) => {
      const account = await this.lockedAccount(tx, actor);
      if (account.totpEnabledAt) throw new ConflictException('this account already signs in with a second factor');
      if (!account.totpSecret) throw invalidField('code', 'enrol first: POST /api/v1/auth/second-factor/enrolment');
      const step = acceptedStep(this.secretOf(account), code, this.clock.now(), null);
      if (step === null) return true;
      await tx.getRepository(Account).update(account.id, { totpEnabledAt: this.clock.now(), totpLastStep: step });
      await this.audit.record(actor, 'confirm_second_factor', 'account', account.id, tx);
      return false;
    });
    if (refused) {
      await this.audit.refusal(actor, 'confirm_second_factor', 'account', actor.accountId);
      throw invalidField('code', WRONG_CODE);
    }
  }

  /** At sign-in, in its transaction: a code is accepted once, even by two sign-ins racing with the same code. */
  async check(tx: EntityManager, account: Account, code: string | undefined): Promise<SecondFactorCheck> {
    if (!account.totpEnabledAt) return 'not_required';
    if (code === undefined) return 'missing';
    const step = acceptedStep(this.secretOf(account), code, this.clock.now(), account.totpLastStep);
    if (step === null) return 'refused';
    const [, claimed]: [unknown[], number] = await tx.query(
      'UPDATE gateway.account SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)',
      [account.id, step],
    );
    return claimed === 1 ? 'accepted' : 'refused';
  }

  private async lockedAccount(tx: EntityManager, actor: Actor): Promise<Account> {
    const account = await tx.getRepository(Account).findOne({ where: { id: actor.accountId, active: true }, lock: { mode: 'pessimistic_write' } });
    if (!account) throw new UnauthorizedException('this account is no longer active');
    return account;
  }

  private secretOf(account: Account): string {
    return this.cipher.open(account.totpSecret!, totpSecretContext(account.id));
  }
}
