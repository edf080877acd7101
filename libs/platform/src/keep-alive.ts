import type { Server } from 'node:http';

/**
 * How long a service keeps an idle kept-alive connection open. A reverse proxy reuses its connections to a service
 * for up to its own idle timeout (ingress-nginx's upstream keepalive: 60 s). Were the service to close one first
 * (Node closes after 5 s), a request the proxy sends on it at that moment is reset, and the proxy answers 502 to a
 * POST it may not send again: an officer's order, refused for nothing.
 */
export const IDLE_CONNECTION_MS = 65_000;

/** Keeps idle connections open longer than the proxy in front does; headers must still arrive within their own time. */
export function outlastTheProxy(server: Pick<Server, 'keepAliveTimeout' | 'headersTimeout'>): void {
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  // Older Node closed a kept-alive connection at the headers timeout when it was the shorter of the two.
  server.headersTimeout = Math.max(server.headersTimeout, IDLE_CONNECTION_MS + 1_000);
}
