import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import { Logger } from 'pino';

// Health and metrics are polled every few seconds; a line for each would bury the rest.
const OPERATIONS = /^\/(health|metrics)(\/|\?|$)/;

/**
 * One line per HTTP request that went wrong (4xx as a warning, 5xx as an error; successes only at debug),
 * under the request id the gateway also writes to the audit log, so an operator can follow a refusal from
 * the log to its audit entry. A line holds the method, the path without its query, the status and the time:
 * no bodies, headers or query strings, which may carry personal data.
 */
export function requestLogParams(log: Logger): Params {
  return {
    pinoHttp: {
      logger: log,
      // The gateway's request context has already chosen the id (a caller's own when it looks like one).
      genReqId: (_request, response) => {
        const chosen = response.getHeader('x-request-id');
        return typeof chosen === 'string' ? chosen : randomUUID();
      },
      autoLogging: { ignore: (request) => OPERATIONS.test(request.url ?? '') },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'debug'),
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, path: String(request.url).split('?')[0] }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  };
}
