import type { Server } from 'node:http';

/**
 * How long a service keeps an idle kept-alive connection open. A reverse proxy reuses its connections to a service
 * for up to its own idle timeout (ingress-nginx's upstream keepalive: 60 s). Were the service to close one first
 * (Node closes after 5 s), a request the proxy sends on it at that moment is reset, and the proxy answers 502 to a
 * POST it may not send again: an officer's order, refused for nothing.
 */
export const IDLE_CONNECTION_MS = 65_000;

/**
 * Keeps idle connections open longer than the proxy in front does. The headers timeout (60 s) stays as it is: Node 24
 * times only a request's headers with it, so a connection idle for longer still answers.
 */
export function outlastTheProxy(server: Pick<Server, 'keepAliveTimeout'>): void {
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
}
