import { HttpException, HttpStatus, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'pino';
import { KorgooConfig } from '@korgoo/config';
import { CLOCK, KORGOO_CONFIG, SERVICE_LOG } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { admitPasswordCheck, SignInBudget } from './sign-in-budget';

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
  private uncounted = 0;
  private tally: NodeJS.Timeout | null = null;

  constructor(
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    private readonly audit: AuditTrail,
  ) {}

  /** 503 with Retry-After when the budget is spent; every refusal is audited, at once or in the window's tally. */
  async admit(): Promise<void> {
    const admission = admitPasswordCheck(this.budget, this.clock.now().getTime(), this.config.http.signInChecks);
    this.budget = admission.budget;
    if (admission.admitted) return;
    const retryAfterSeconds = Math.ceil(admission.retryAfterMs / 1000);
    if (this.tally) this.uncounted++;
    else {
      this.tally = setTimeout(() => void this.writeTally(), TALLY_WINDOW_MS).unref();
      await this.audit.refusal(null, 'sign_in', 'sign_in_budget', null, 'the gateway’s password checks per second were spent');
    }
    throw new SignInsBusy(retryAfterSeconds);
  }

  /** For `POST /api/v1/auth/login`: answers 503 itself, or passes the sign-in on. */
  middleware() {
    return (request: Request, response: Response, next: NextFunction) => {
      if (request.method !== 'POST') return next();
      this.admit().then(next, (error: unknown) => {
        if (!(error instanceof SignInsBusy)) return next(error);
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
    const refused = this.uncounted;
    this.uncounted = 0;
    this.tally = null;
    if (refused === 0) return;
    const detail = `${refused} further sign-ins refused within ${TALLY_WINDOW_MS / 1000} s: the gateway’s password checks per second were spent`;
    await this.audit
      .refusal(null, 'sign_in', 'sign_in_budget', null, detail)
      .catch((error) => this.log.error({ err: String(error), refused }, 'a tally of refused sign-ins could not be audited'));
  }
}

export class SignInsBusy extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: 503,
        error: 'Service Unavailable',
        message: `too many sign-ins at once; try again in ${retryAfterSeconds} seconds`,
        retryAfterSeconds,
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}
