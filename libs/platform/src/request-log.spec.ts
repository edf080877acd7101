import { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { requestLogParams } from './request-log';

/** Drives pino-http with the service's options over a fake request and returns the lines it wrote. */
function logRequest(url: string, status: number, requestId?: string): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const options = requestLogParams(pino({ level: 'info' }, sink)).pinoHttp as Parameters<typeof pinoHttp>[0];
  const request = Object.assign(new IncomingMessage(null as never), { method: 'GET', url, headers: { authorization: 'Bearer secret' } });
  const response = new ServerResponse(request);
  if (requestId) response.setHeader('x-request-id', requestId);
  pinoHttp(options)(request, response);
  response.writeHead(status);
  response.emit('finish');
  return lines;
}

describe('the request log', () => {
  it('writes a refused request as a warning under the gateway’s request id, without its query or headers', () => {
    const [line] = logRequest('/api/v1/protection-orders?name=Aida', 403, 'req-000000001');
    expect(line).toMatchObject({ level: 40, req: { id: 'req-000000001', method: 'GET', path: '/api/v1/protection-orders' }, res: { statusCode: 403 } });
    expect(JSON.stringify(line)).not.toMatch(/Aida|secret|authorization/i);
  });

  it('writes a server failure as an error, and nothing at the default level for a success or a health probe', () => {
    expect(logRequest('/api/v1/referrals', 500)[0]).toMatchObject({ level: 50 });
    expect(logRequest('/api/v1/referrals', 200)).toEqual([]);
    expect(logRequest('/health', 503)).toEqual([]);
  });
});
