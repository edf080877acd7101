import { IncomingMessage, ServerResponse } from 'node:http';

export type RequestWithRawBody = IncomingMessage & { rawBody?: Buffer };

/**
 * Keeps the exact bytes of a webhook's body: its signature is over them, and JSON parsed and printed again
 * is not the same bytes. Mounted before the JSON parser, which then leaves the request alone.
 */
export function keepRawBody(limitBytes: number) {
  return (request: RequestWithRawBody, response: ServerResponse, next: (error?: unknown) => void) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limitBytes) {
        refused = true;
        response.statusCode = 413;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ statusCode: 413, error: 'Payload Too Large', message: 'a receipt is at most 64 KiB' }));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      request.rawBody = Buffer.concat(chunks);
      next();
    });
    request.on('error', next);
  };
}
