import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/transport-node';
import { Envelope, EventRecorder } from './support/event-recorder';
import { connectAsHarness } from './support/test-nats';

describe('event recorder: a wait that runs out says what it did see', () => {
  const namespace = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const stream = `${namespace}_REFERRALS`;
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connectAsHarness();
    await (await jetstreamManager(nc)).streams.add({ name: stream, subjects: [`${namespace}.referral.>`] });
  });

  afterAll(async () => {
    await (await jetstreamManager(nc)).streams.delete(stream);
    await nc.close();
  });

  const envelope = (subject: string, orderId: string): Envelope => ({
    eventId: randomUUID(),
    subject,
    correlationId: orderId,
    occurredAt: new Date().toISOString(),
    payload: { orderId },
  });

  it("names the order's other events, the one dead-lettered, and an awaited event only the stream received", async () => {
    const orderId = randomUUID();
    const routed = envelope('referral.routed.v1', orderId);
    await jetstream(nc).publish(`${namespace}.referral.routed.v1`, JSON.stringify(routed));
    const recorder = new EventRecorder(namespace);
    await recorder.start(nc);
    const registered = envelope('order.registered.v1', orderId);
    const assessed = envelope('risk.assessed.v1', orderId);
    const otherOrder = envelope('risk.assessed.v1', randomUUID());
    for (const event of [registered, assessed, otherOrder]) nc.publish(`${namespace}.${event.subject}`, JSON.stringify(event));
    const deadLetterId = randomUUID();
    nc.publish(
      `${namespace}.deadletter.matching.risk.assessed.v1`,
      JSON.stringify({ deadLetterId, consumer: 'matching-risk-assessed', eventId: assessed.eventId }),
    );

    const failure: Error = await recorder.awaitEvent('referral.routed.v1', (e) => e.correlationId === orderId, 1_000).then(
      () => {
        throw new Error('the routed event was recorded although it was published before the recorder listened');
      },
      (error: Error) => error,
    );

    const lines = failure.message.split('\n');
    expect(lines[0]).toBe('only 0 of 1 referral.routed.v1 within 1000 ms');
    expect(lines[1]).toBe(`events of ${orderId} as the recorder received them (1 dead-lettered):`);
    expect(lines[2]).toMatch(new RegExp(`^  [\\d:.]+ order\\.registered\\.v1 event ${registered.eventId} occurred ${registered.occurredAt}$`));
    expect(lines[3]).toMatch(new RegExp(`^  [\\d:.]+ risk\\.assessed\\.v1 event ${assessed.eventId} occurred`));
    expect(lines[4]).toMatch(
      new RegExp(`^  [\\d:.]+ deadletter\\.matching\\.risk\\.assessed\\.v1 DEAD LETTER ${deadLetterId} of event ${assessed.eventId} \\(matching-risk-assessed\\)$`),
    );
    expect(lines[5]).toBe(`stream ${stream} holds 1 referral.routed.v1, 1 matching: 1 published that the recorder never received`);
    expect(lines[6]).toBe("the recorder's connection was never interrupted");
    expect(failure.message).not.toContain(otherOrder.eventId);
  });

  it('says so when nothing of the order was seen and the stream never held the event', async () => {
    const recorder = new EventRecorder(namespace);
    await recorder.start(nc);
    const unknown = randomUUID();

    const failure = await recorder.awaitEvent('referral.accepted.v1', (e) => e.correlationId === unknown, 200).catch((error: Error) => error);

    expect((failure as Error).message.split('\n').slice(0, 3)).toEqual([
      'only 0 of 1 referral.accepted.v1 within 200 ms',
      'no event of any subject matched; the recorder holds 0',
      `stream ${stream} holds 0 referral.accepted.v1, 0 matching: it was never published`,
    ]);
  });
});
