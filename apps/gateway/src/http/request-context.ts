import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
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

export function withRequestContext(request: Request, response: Response, next: NextFunction) {
  const offered = request.headers['x-request-id'];
  const requestId = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader('x-request-id', requestId);
  const context: RequestContext = {
    requestId,
    ip: request.ip ?? null,
    path: request.originalUrl.split('?')[0].slice(0, 300),
  };
  storage.run(context, next);
}
