/**
 * How hard a request is throttled per client address. Logging in is the strictest (password guessing),
 * changes next, reads the loosest; probes and metrics are never throttled (their callers are the platform).
 */
export type RouteClass = 'login' | 'write' | 'read' | 'unthrottled';

const LOGIN_PATHS = new Set(['/api/v1/auth/login']);

export function routeClass(method: string, path: string): RouteClass {
  const route = path.replace(/\/+$/, '') || '/';
  if (route === '/health' || route.startsWith('/health/') || route === '/metrics') return 'unthrottled';
  if (LOGIN_PATHS.has(route)) return 'login';
  return ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? 'read' : 'write';
}
