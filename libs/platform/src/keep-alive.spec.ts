import { createServer } from 'node:http';
import { IDLE_CONNECTION_MS, outlastTheProxy } from './keep-alive';

describe('idle connections', () => {
  it('stay open longer than ingress-nginx keeps its upstream connections (60 s), headers timed as before', () => {
    const server = createServer();
    const headersTimeout = server.headersTimeout;
    expect(server.keepAliveTimeout).toBeLessThan(60_000);
    outlastTheProxy(server);
    expect(server.keepAliveTimeout).toBe(IDLE_CONNECTION_MS);
    expect(IDLE_CONNECTION_MS).toBeGreaterThan(60_000);
    expect(server.headersTimeout).toBe(headersTimeout);
  });
});
