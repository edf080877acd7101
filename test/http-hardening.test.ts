import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { MatchingStack } from './support/matching-stack';

describe('the gateway edge: security headers, CORS allow-list, bounded bodies, throttling per route class', () => {
  const allowedOrigin = 'https://app.korgoo.kg';
  const stack = new MatchingStack({
    services: ['gateway'],
    env: {
      THROTTLE_LOGIN_PER_MINUTE: '3',
      THROTTLE_PUBLIC_PER_MINUTE: '2',
      THROTTLE_WRITES_PER_MINUTE: '1000',
      CORS_ORIGINS: allowedOrigin,
      HTTP_BODY_LIMIT: '64kb',
    },
  });

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('sends the security headers and a CSP that allows only the app itself', async () => {
    const response = await request(stack.gateway).get('/health/live').expect(200);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('answers CORS only for the configured origins', async () => {
    const preflight = (origin: string) =>
      request(stack.gateway).options('/api/v1/orders').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
    expect((await preflight(allowedOrigin)).headers['access-control-allow-origin']).toBe(allowedOrigin);
    expect((await preflight('https://attacker.example')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over the limit with 413 before anything reads it', async () => {
    const oversized = { narrative: 'x'.repeat(70 * 1024) };
    await request(stack.gateway).post('/api/v1/orders').send(oversized).expect(413);
    await request(stack.gateway).post('/api/v1/auth/login').send(oversized).expect(413);
  });

  it('throttles logins per address with 429 while reads and probes carry on', async () => {
    const attempt = () => request(stack.gateway).post('/api/v1/auth/login').send({ username: 'admin.demo', password: 'guess-number-n' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await attempt()).status);
    // Three a minute, the oversized sign-in above among them: the door counts a request before reading its body.
    expect(statuses).toEqual([401, 401, 429, 429, 429]);
    const refused = await attempt().expect(429);
    // Refused at the gateway's door, before the sign-in budget: one address cannot spend everyone's checks.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.retryAfterSeconds).toBeGreaterThan(0);
    await request(stack.gateway).get('/api/docs-json').expect(200);
    await request(stack.gateway).get('/health').expect(200);
  });

  it('throttles what anyone may ask without signing in on its own budget, before reading the question', async () => {
    const ask = () => request(stack.gateway).get('/api/v1/public/indicators').query({ from: 'soon', to: 'later' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await ask()).status);
    expect(statuses).toEqual([400, 400, 429]);
    await request(stack.gateway).get('/api/docs-json').expect(200);
  });
});

describe('the gateway in production: no API map, metrics only for the scraper', () => {
  const metricsToken = randomBytes(32).toString('base64');
  const stack = new MatchingStack({
    services: ['gateway'],
    env: {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(36).toString('base64'),
      METRICS_TOKEN: metricsToken,
      FIELD_ENCRYPTION_KEYS: `production:${randomBytes(32).toString('base64')}`,
      // Production keeps the system clock: the test stacks' settable clock is refused there.
      KORGOO_TEST_CLOCK: 'false',
    },
  });

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('does not serve the OpenAPI document', async () => {
    await request(stack.gateway).get('/api/docs-json').expect(404);
    await request(stack.gateway).get('/api/docs').expect(404);
  });

  it('serves /metrics to the bearer of METRICS_TOKEN alone', async () => {
    await request(stack.gateway).get('/metrics').expect(401);
    await request(stack.gateway).get('/metrics').auth('not-the-token', { type: 'bearer' }).expect(401);
    const scraped = await request(stack.gateway).get('/metrics').auth(metricsToken, { type: 'bearer' }).expect(200);
    expect(scraped.text).toContain('# TYPE');
  });
});
