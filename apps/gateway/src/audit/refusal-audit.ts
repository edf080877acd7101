import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'pino';
import type { Actor } from '@korgoo/contracts';
import { currentRequest } from '../http/request-context';
import { AuditTrail } from './audit-trail';

// These record their own refusals with more to say (which account, which session).
const SELF_AUDITED = new Set(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout']);

/** What the audit log names for a refused call: method and path, never the query string. */
export function refusedRoute(request: { method: string; originalUrl: string }): string {
  return `${request.method} ${request.originalUrl.split('?')[0].slice(0, 300)}`;
}

/**
 * Every 401 and 403 the gateway answers leaves an audit entry: who tried (if known), what, from where. The
 * auth guard writes its own before answering; this catches the rest once the answer is sent.
 */
export function auditRefusals(audit: AuditTrail, log: Logger) {
  return (request: Request & { actor?: Actor; refusalAudited?: boolean }, response: Response, next: NextFunction) => {
    const context = currentRequest();
    response.on(
      'finish',
      AsyncLocalStorage.bind(() => {
        if (response.statusCode !== 401 && response.statusCode !== 403) return;
        if (!context || request.refusalAudited || SELF_AUDITED.has(context.path)) return;
        audit
          .refusal(request.actor ?? null, 'refused', 'http', refusedRoute(request))
          .catch((error) => log.error({ err: String(error), requestId: context.requestId }, 'a refusal could not be audited'));
      }),
    );
    next();
  };
}
