import { HttpException, HttpStatus, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'pino';
import { KorgooConfig } from '@korgoo/config';
import { CLOCK, KORGOO_CONFIG, SERVICE_LOG } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { admitAddress, AddressWindow, admitPasswordCheck, SignInBudget } from './sign-in-budget';

// A flood is refused hundreds of times a second: one audit entry per refusal would make the audit chain's
// lock the new bottleneck, so the first refusal is written at once and the rest are counted per window.
const TALLY_WINDOW_MS = 10_000;

/**
 * The gateway-wide budget of password checks (`SIGN_IN_CHECKS_PER_SECOND`, `SIGN_IN_CHECKS_BURST`), taken
 * before anything else a sign-in does. Each replica keeps its own: the budget protects the replica's cores.
 * It runs as middleware ahead of Nest's guards, pipes and filters: a refusal there costs a fraction of what
 * the same refusal costs from the controller, and a flood is made of refusals.
 */
@Injectable()
export class SignInAdmissionGate implements OnModuleDestroy {
  private budget: SignInBudget | null = null;
  private addresses: AddressWindow | null = null;
  private readonly uncounted = new Map<RefusalReason, number>();
  private tally: NodeJS.Timeout | null = null;

  constructor(
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * 429 when this address has had its sign-ins for the minute, else 503 when the gateway's budget is spent,
   * both with Retry-After; every refusal is audited, at once or in the window's tally.
   */
  async admit(address: string, checksPassword: boolean): Promise<void> {
    const now = this.clock.now().getTime();
    const fromAddress = admitAddress(this.addresses, address, now, this.config.http.throttle.loginPerMinute);
    this.addresses = fromAddress.window;
    if (!fromAddress.admitted) return this.refuse('address', new SignInsFromAddress(Math.ceil(fromAddress.retryAfterMs / 1000)));
    if (!checksPassword) return;
    const admission = admitPasswordCheck(this.budget, now, this.config.http.signInChecks);
    this.budget = admission.budget;
    if (!admission.admitted) return this.refuse('budget', new SignInsBusy(Math.ceil(admission.retryAfterMs / 1000)));
  }

  private async refuse(reason: RefusalReason, refusal: SignInRefused): Promise<never> {
    if (this.tally) this.uncounted.set(reason, (this.uncounted.get(reason) ?? 0) + 1);
    else {
      this.tally = setTimeout(() => void this.writeTally(), TALLY_WINDOW_MS).unref();
      await this.audit.refusal(null, 'sign_in', 'sign_in_budget', null, REFUSALS[reason]);
    }
    throw refusal;
  }

  /**
   * For `/api/v1/auth/login`, the login route class's only throttle (see edge-hardening.ts): every request is
   * counted for its address, and a sign-in (POST) also takes a password check from the budget. Answers 429 or
   * 503 itself, or passes the request on.
   */
  middleware() {
    return (request: Request, response: Response, next: NextFunction) => {
      this.admit(request.ip ?? 'unknown', request.method === 'POST').then(next, (error: unknown) => {
        if (!(error instanceof SignInRefused)) return next(error);
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
        response.status(error.getStatus()).json(error.getResponse());
      });
    };
  }

  async onModuleDestroy() {
    if (this.tally) clearTimeout(this.tally);
    await this.writeTally();
  }

  private async writeTally() {
    const tallied = [...this.uncounted];
    this.uncounted.clear();
    this.tally = null;
    for (const [reason, refused] of tallied) {
      const detail = `${refused} further sign-ins refused within ${TALLY_WINDOW_MS / 1000} s: ${REFUSALS[reason]}`;
      await this.audit
        .refusal(null, 'sign_in', 'sign_in_budget', null, detail)
        .catch((error) => this.log.error({ err: String(error), refused }, 'a tally of refused sign-ins could not be audited'));
    }
  }
}

type RefusalReason = 'address' | 'budget';
const REFUSALS: Record<RefusalReason, string> = {
  address: 'one address’s sign-ins for the minute were spent',
  budget: 'the gateway’s password checks per second were spent',
};

/** A sign-in refused before any password check, with the seconds after which to try again. */
abstract class SignInRefused extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    status: HttpStatus,
    error: string,
    message: string,
  ) {
    super({ statusCode: status, error, message, retryAfterSeconds }, status);
  }
}

export class SignInsFromAddress extends SignInRefused {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, HttpStatus.TOO_MANY_REQUESTS, 'Too Many Requests', `too many sign-ins from this address; try again in ${retryAfterSeconds} seconds`);
  }
}

export class SignInsBusy extends SignInRefused {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable', `too many sign-ins at once; try again in ${retryAfterSeconds} seconds`);
  }
}
