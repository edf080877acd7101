import { createServer } from 'node:http';
import { IDLE_CONNECTION_MS, outlastTheProxy } from './keep-alive';

describe('idle connections', () => {
  it('stay open longer than ingress-nginx keeps its upstream connections (60 s), headers still timed', () => {
    const server = createServer();
    expect(server.keepAliveTimeout).toBeLessThan(60_000);
    outlastTheProxy(server);
    expect(server.keepAliveTimeout).toBe(IDLE_CONNECTION_MS);
    expect(IDLE_CONNECTION_MS).toBeGreaterThan(60_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    expect(server.headersTimeout).toBeLessThan(server.requestTimeout);
  });
});
