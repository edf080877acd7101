import { HttpException, HttpStatus, INestApplication, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import proxyAddr from 'proxy-addr';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { KorgooConfig } from '@korgoo/config';
import { CLOCK, KORGOO_CONFIG, SERVICE_LOG, ServiceMetrics } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { inRequestContext, requestContextOf } from '../http/request-context';
import { isSignInPath } from './sign-in-path';
import { issueKnownDevice, KNOWN_DEVICE_SIGN_INS_PER_MINUTE, knownDeviceIn, knownDeviceKey, readKnownDevice } from './known-device';
import { admitAddress, AddressWindow, admitPasswordCheck, SignInBudget } from './sign-in-budget';

// A flood is refused hundreds of times a second: one audit entry per refusal would make the audit chain's
// lock the new bottleneck, so the first refusal is written at once and the rest are counted per window.
const TALLY_WINDOW_MS = 10_000;

/**
 * The gateway-wide budget of password checks (`SIGN_IN_CHECKS_PER_SECOND`, `SIGN_IN_CHECKS_BURST`), taken
 * before anything else a sign-in does, and the count of each address's (and each known device's) sign-ins
 * before it. Each replica keeps its own: the budget protects the replica's cores. It runs at the HTTP server's
 * door, ahead of the web application (see `door`), because a flood is made of refusals.
 */
@Injectable()
export class SignInAdmissionGate implements OnModuleDestroy {
  private budget: SignInBudget | null = null;
  private addresses: AddressWindow | null = null;
  private devices: AddressWindow | null = null;
  private readonly knownDevices = new WeakMap<IncomingMessage, string>();
  private readonly deviceKey: Buffer;
  private readonly uncounted = new Map<RefusalReason, number>();
  private tally: NodeJS.Timeout | null = null;
  // Refusals never reach the request log (they are answered before it), so operators see a flood here.
  private readonly refusals: Counter<'reason'>;

  constructor(
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    private readonly audit: AuditTrail,
    metrics: ServiceMetrics,
  ) {
    this.deviceKey = knownDeviceKey(config.jwtSecret);
    this.refusals = new Counter({
      name: 'korgoo_sign_ins_refused_total',
      help: 'Sign-ins refused before any password check, by reason (address: the address had its sign-ins for the minute; device: a known device had its sign-ins for the minute; budget: the gateway had its password checks for the second)',
      labelNames: ['reason'],
      registers: [metrics.registry],
    });
  }

  /**
   * 429 when this address has had its sign-ins for the minute, else 503 when the gateway's budget is spent,
   * both with Retry-After; every refusal is audited, at once or in the window's tally. A sign-in from a known
   * device (a valid token naming `device.accountId`) counts against the token's own allowance instead of the budget.
   */
  async admit(address: string, checksPassword: boolean, device: { token: string; accountId: string } | null = null): Promise<void> {
    const now = this.clock.now().getTime();
    const fromAddress = admitAddress(this.addresses, address, now, this.config.http.throttle.loginPerMinute);
    this.addresses = fromAddress.window;
    if (!fromAddress.admitted) return this.refuse('address', new SignInsFromAddress(Math.ceil(fromAddress.retryAfterMs / 1000)));
    if (!checksPassword) return;
    if (device) {
      // The same fixed window, keyed by the token instead of the address.
      const fromDevice = admitAddress(this.devices, device.token, now, KNOWN_DEVICE_SIGN_INS_PER_MINUTE);
      this.devices = fromDevice.window;
      if (!fromDevice.admitted) return this.refuse('device', new SignInsFromDevice(Math.ceil(fromDevice.retryAfterMs / 1000)));
      return;
    }
    return this.chargePasswordCheck();
  }

  /** Takes one password check from the budget, or refuses with 503, naming in `response` when to try again. */
  async chargePasswordCheck(response?: ServerResponse): Promise<void> {
    const admission = admitPasswordCheck(this.budget, this.clock.now().getTime(), this.config.http.signInChecks);
    this.budget = admission.budget;
    if (admission.admitted) return;
    const retryAfterSeconds = Math.ceil(admission.retryAfterMs / 1000);
    response?.setHeader('Retry-After', String(retryAfterSeconds));
    return this.refuse('budget', new SignInsBusy(retryAfterSeconds));
  }

  /** The account whose known device this sign-in was admitted as, past the budget; null when it was charged. */
  knownDeviceOf(request: IncomingMessage): string | null {
    return this.knownDevices.get(request) ?? null;
  }

  /** A token for the device that has just signed in to `accountId`, to be kept as the `korgoo_device` cookie. */
  knownDeviceToken(accountId: string): string {
    return issueKnownDevice(this.deviceKey, accountId, this.clock.now().getTime());
  }

  private async refuse(reason: RefusalReason, refusal: SignInRefused): Promise<never> {
    this.refusals.inc({ reason });
    if (this.tally) this.uncounted.set(reason, (this.uncounted.get(reason) ?? 0) + 1);
    else {
      this.tally = setTimeout(() => void this.writeTally(), TALLY_WINDOW_MS).unref();
      await this.audit.refusal(null, 'sign_in', 'sign_in_budget', null, REFUSALS[reason]);
    }
    throw refusal;
  }

  /**
   * The HTTP server's first listener, ahead of the whole web application `app`: for `/api/v1/auth/login`, the
   * login route class's only throttle (see edge-hardening.ts), every request is counted for its address and a
   * sign-in (POST) also takes a password check from the budget. It answers 429 or 503 itself, before routing,
   * headers or body parsing (a flood is made of refusals, so that is where its cost lies), or hands the request
   * on. `trust` is the application's own proxy rule, so the address is the one Express would give.
   */
  door(app: RequestListener, trust: (address: string, hop: number) => boolean): RequestListener {
    return (request, response) => {
      if (!isSignInPath(request.url)) return app(request, response);
      const context = requestContextOf(request, proxyAddr(request, trust));
      const signsIn = request.method === 'POST';
      const token = signsIn ? knownDeviceIn(request.headers.cookie) : null;
      const accountId = token ? readKnownDevice(this.deviceKey, token, this.clock.now().getTime()) : null;
      const device = token && accountId ? { token, accountId } : null;
      inRequestContext(context, () => this.admit(context.ip!, signsIn, device)).then(
        () => {
          if (device) this.knownDevices.set(request, device.accountId);
          app(request, response);
        },
        (error: unknown) => {
          const refused = error instanceof SignInRefused;
          if (!refused) this.log.error({ err: String(error) }, 'a sign-in could not be admitted');
          const status = refused ? error.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
          const body = refused ? error.getResponse() : { statusCode: status, error: 'Internal Server Error', message: 'the sign-in could not be admitted' };
          response.writeHead(status, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
            'x-request-id': context.requestId,
            ...(refused ? { 'retry-after': String(error.retryAfterSeconds) } : {}),
          });
          response.end(JSON.stringify(body));
        },
      );
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

type RefusalReason = 'address' | 'device' | 'budget';
const REFUSALS: Record<RefusalReason, string> = {
  address: 'one address’s sign-ins for the minute were spent',
  device: 'one known device’s sign-ins for the minute were spent',
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

export class SignInsFromDevice extends SignInRefused {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, HttpStatus.TOO_MANY_REQUESTS, 'Too Many Requests', `too many sign-ins from this device; try again in ${retryAfterSeconds} seconds`);
  }
}

export class SignInsBusy extends SignInRefused {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable', `too many sign-ins at once; try again in ${retryAfterSeconds} seconds`);
  }
}

/**
 * Puts the gate's door in front of the web application on the HTTP server; after `trust proxy` is set, whose
 * compiled rule the door shares.
 */
export function openSignInDoor(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  const express = app.getHttpAdapter().getInstance() as RequestListener & { get(setting: 'trust proxy fn'): (address: string, hop: number) => boolean };
  // Were the application reached some other way, the door would stand beside it and let a flood around it.
  if (server.listeners('request').length !== 1 || server.listeners('request')[0] !== express) {
    throw new Error('the HTTP server does not hand requests straight to the web application: the sign-in door cannot stand before it');
  }
  server.removeListener('request', express);
  server.on('request', app.get(SignInAdmissionGate).door(express, express.get('trust proxy fn')));
}
