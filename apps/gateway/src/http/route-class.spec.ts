import { routeClass } from './route-class';

describe('routeClass', () => {
  it.each([
    ['POST', '/api/v1/auth/login', 'login'],
    ['POST', '/api/v1/auth/login/', 'login'],
    ['POST', '/api/v1/orders', 'write'],
    ['PATCH', '/api/v1/orders/abc', 'write'],
    ['DELETE', '/api/v1/accounts/abc', 'write'],
    ['GET', '/api/v1/orders', 'read'],
    ['GET', '/api/v1/public/indicators', 'public'],
    ['GET', '/', 'read'],
    ['GET', '/health', 'unthrottled'],
    ['GET', '/health/live', 'unthrottled'],
    ['GET', '/metrics', 'unthrottled'],
  ])('%s %s is %s', (method, path, expected) => {
    expect(routeClass(method, path)).toBe(expected);
  });
});
