/**
 * How hard a request is throttled per client address. Logging in is the strictest (password guessing),
 * then what anyone may ask without signing in (each answer is computed over months of figures), changes
 * next, reads the loosest; probes and metrics are never throttled (their callers are the platform).
 */
export type RouteClass = 'login' | 'public' | 'write' | 'read' | 'unthrottled';

const LOGIN_PATHS = new Set(['/api/v1/auth/login']);

export function routeClass(method: string, path: string): RouteClass {
  const route = path.replace(/\/+$/, '') || '/';
  if (route === '/health' || route.startsWith('/health/') || route === '/metrics') return 'unthrottled';
  if (LOGIN_PATHS.has(route)) return 'login';
  if (route.startsWith('/api/v1/public/')) return 'public';
  return ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? 'read' : 'write';
}
