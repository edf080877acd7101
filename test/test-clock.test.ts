import { NatsConnection } from '@nats-io/transport-node';
import pino from 'pino';
import { TestClockSubjects } from '@korgoo/contracts';
import { SettableClock } from '@korgoo/platform/core';
import { TestClockListener } from '../libs/platform/src/test-clock';
import { connectAsHarness } from './support/test-nats';

/** The test clock's NATS control against the real NATS server, without any service around it. */
describe('the test clock moves every replica and answers for each', () => {
  const namespace = `${process.env.KORGOO_TEST_NAMESPACE}_clock`;
  const subject = `${namespace}.${TestClockSubjects.Set}`;
  const log = pino({ level: 'silent' });
  const clocks = [new SettableClock(), new SettableClock()];
  const listeners = clocks.map((clock) => new TestClockListener(clock, 'matching', namespace, log));
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connectAsHarness();
    for (const listener of listeners) listener.listen(nc);
    await nc.flush();
  });

  afterAll(async () => {
    for (const listener of listeners) listener.stop();
    await nc.close();
  });

  async function ask(body: unknown): Promise<unknown[]> {
    const replies = await nc.requestMany(subject, JSON.stringify(body), { strategy: 'count', maxMessages: 2, maxWait: 10_000 });
    const answers: unknown[] = [];
    for await (const reply of replies) answers.push(reply.json());
    return answers;
  }

  it('sets both replicas of a service to the instant asked for, not just one of a queue group', async () => {
    const at = new Date('2027-03-01T09:00:00Z');
    const answers = (await ask({ at: at.toISOString() })) as Array<{ service: string; now: string }>;
    expect(answers.map((a) => a.service)).toEqual(['matching', 'matching']);
    for (const answer of answers) expect(Date.parse(answer.now)).toBeGreaterThanOrEqual(at.getTime());
    for (const clock of clocks) {
      expect(clock.now().getTime()).toBeGreaterThanOrEqual(at.getTime());
      expect(clock.now().getTime()).toBeLessThan(at.getTime() + 60_000);
    }
  });

  it('refuses a request that is not an ISO 8601 instant, naming the field, and leaves the clocks alone', async () => {
    const before = clocks.map((clock) => clock.now().getTime());
    const answers = (await ask({ at: 'next tuesday' })) as Array<{ error: { code: string; message: string } }>;
    expect(answers).toHaveLength(2);
    for (const answer of answers) {
      expect(answer.error.code).toBe('invalid_request');
      expect(answer.error.message).toMatch(/\bat\b/);
    }
    clocks.forEach((clock, i) => expect(Math.abs(clock.now().getTime() - before[i])).toBeLessThan(60_000));
  });
});
