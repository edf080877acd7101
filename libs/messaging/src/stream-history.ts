import { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';

/** A history stream copies its sources a moment late: this many empty one-second waits and the replay gives up. */
const EMPTY_WAITS_AT_MOST = 30;

/**
 * Reads a stream from its first message with an ordered consumer of its own (no acknowledgements, nothing left
 * behind). It reads at least every message the stream held when it began, then goes on while `stillMissing`
 * says a message the caller knows of has not come yet. Returns how many messages it read.
 */
export async function replayStream(
  js: JetStreamClient,
  jsm: JetStreamManager,
  stream: string,
  handle: (message: JsMsg) => Promise<void>,
  stillMissing: () => boolean,
): Promise<number> {
  const lastAtStart = (await jsm.streams.info(stream)).state.last_seq;
  const consumer = await js.consumers.get(stream);
  let read = 0;
  let lastSeen = 0;
  let emptyWaits = 0;
  while (lastSeen < lastAtStart || stillMissing()) {
    if (emptyWaits >= EMPTY_WAITS_AT_MOST) throw new Error(`${stream}: the history stops at ${lastSeen} of ${lastAtStart}, or lacks events already counted`);
    const batch = await consumer.fetch({ max_messages: 512, expires: 1_000 });
    let got = 0;
    for await (const message of batch) {
      await handle(message);
      lastSeen = message.seq;
      got += 1;
    }
    read += got;
    emptyWaits = got === 0 ? emptyWaits + 1 : 0;
  }
  await consumer.delete().catch(() => undefined);
  return read;
}
