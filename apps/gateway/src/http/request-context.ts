import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** Where a request came from, for the audit trail; set once per request, read wherever an entry is written. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  path: string;
}

const storage = new AsyncLocalStorage<RequestContext>();
// A caller's id is kept only when it looks like one, so nothing else reaches the audit log through it.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Names a request for the audit trail: the caller's id when it looks like one, else a new one. */
export function requestContextOf(request: IncomingMessage, ip: string | null): RequestContext {
  const offered = request.headers['x-request-id'];
  return {
    requestId: typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID(),
    ip,
    path: (request.url ?? '').split('?')[0].slice(0, 300),
  };
}

/** Runs `work` with `context` as the current request: whatever it audits carries the request's id and address. */
export function inRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function withRequestContext(request: Request, response: Response, next: NextFunction) {
  const context = requestContextOf(request, request.ip ?? null);
  response.setHeader('x-request-id', context.requestId);
  storage.run(context, next);
}
