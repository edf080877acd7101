import { createHash } from 'node:crypto';
import { ExecutionContext, INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import helmet from 'helmet';
import { KorgooConfig } from '@korgoo/config';
import { RouteClass, routeClass } from './route-class';

/**
 * The gateway's public edge: security headers (the CSP allows the web app's own scripts and styles only),
 * CORS for the configured origins alone, bounded bodies (413 beyond the limit), the real client address
 * behind the configured number of proxies (throttling and audit rely on it).
 */
export function hardenHttpEdge(app: INestApplication, config: KorgooConfig): void {
  const server = app as NestExpressApplication;
  server.set('trust proxy', config.http.trustProxyHops);
  server.use(helmet());
  server.useBodyParser('json', { limit: config.http.bodyLimit });
  server.useBodyParser('urlencoded', { limit: config.http.bodyLimit, extended: false });
  if (config.http.corsOrigins.length > 0) {
    server.enableCors({ origin: config.http.corsOrigins, methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'], maxAge: 600 });
  }
}

/**
 * One named throttler per route class, each counting only its own requests, per client address per minute.
 * Sign-ins are counted at the gateway's door instead (auth/sign-in-admission.ts), ahead of the budget of
 * password checks, so that one address cannot spend it.
 */
export function throttlingByRouteClass(config: KorgooConfig): ThrottlerModuleOptions {
  const perMinute: Record<Exclude<RouteClass, 'unthrottled' | 'login'>, number> = {
    public: config.http.throttle.publicPerMinute,
    write: config.http.throttle.writesPerMinute,
    read: config.http.throttle.readsPerMinute,
  };
  const classOf = (context: ExecutionContext) => {
    const request = context.switchToHttp().getRequest<Request>();
    return routeClass(request.method, request.path);
  };
  return Object.entries(perMinute).map(([name, limit]) => ({
    name,
    ttl: 60_000,
    limit,
    skipIf: (context: ExecutionContext) => classOf(context) !== name,
    generateKey: throttleKey,
  }));
}

/**
 * The counter a request adds to: one per route, throttler and client address, the same parts the library joins.
 * An address (at most 45 characters) is kept as it is instead of hashed with SHA-256 on every request; anything
 * longer, which a forged forwarding header could make, is hashed as before, so no counter's key grows with it.
 */
export function throttleKey(context: ExecutionContext, tracker: string, throttler: string): string {
  const key = `${context.getClass().name}-${context.getHandler().name}-${throttler}-${tracker}`;
  return tracker.length <= MAX_ADDRESS_LENGTH ? key : createHash('sha256').update(key).digest('hex');
}

const MAX_ADDRESS_LENGTH = 45;
