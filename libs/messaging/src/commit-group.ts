import { JsMsg } from '@nats-io/jetstream';
import { EventSubject } from '@korgoo/contracts';
import { BatchIntake, togetherOrAlone } from './batch-intake';
import type { DurableConsumer, Received } from './durable-consumer';
import { GatheredWrites } from './gathered-writes';
import { Outbox } from './outbox';

/**
 * Workers of the group: one commits while the next batch gathers. More workers would each take a single
 * message under moderate load, paying a transaction per event where one would carry them all.
 */
const WORKERS = 2;

interface Pulled {
  consumer: DurableConsumer<EventSubject>;
  message: JsMsg;
}

interface Member extends Received {
  consumer: DurableConsumer<EventSubject>;
}

/**
 * The events of every batchable consumer of one service, committed together: an order's registration, its
 * assessment and its routing come through three consumers of three streams, and at a steady rate each would
 * otherwise open a transaction, write its inbox entry and commit for one event. Events queue in the order they
 * were pulled and each handler sees them in that order; one known to need a transaction of its own goes back to
 * its consumer's workers. A batch that fails is handled again one event at a time, each in its consumer's own
 * way, so a poisoned event still dead-letters alone.
 */
export class CommitGroup {
  private readonly intake: BatchIntake<Pulled>;

  constructor(
    private readonly outbox: Outbox,
    private readonly schema: string,
    options: { concurrency: number; batchSize: number; lingerMs: number },
  ) {
    this.intake = new BatchIntake((batch) => this.handle(batch), {
      concurrency: Math.min(options.concurrency, WORKERS),
      batchSize: options.batchSize,
      lingerMs: options.lingerMs,
    });
  }

  push<S extends EventSubject>(consumer: DurableConsumer<S>, message: JsMsg): Promise<void> {
    return this.intake.push({ consumer: consumer as unknown as DurableConsumer<EventSubject>, message });
  }

  drained(): Promise<void> {
    return this.intake.drained();
  }

  private async handle(batch: Pulled[]): Promise<void> {
    const handedOff = new Set<JsMsg>();
    const handOff = ({ consumer, ...received }: Member) => {
      handedOff.add(received.message);
      consumer.handOff(received);
    };
    try {
      const members: Member[] = [];
      for (const { consumer, message } of batch) {
        const received = await consumer.receive(message);
        if (!received) continue;
        const member = { consumer, ...received };
        if (consumer.mustBeAlone(received)) handOff(member);
        else members.push(member);
      }
      if (members.length === 0) return;
      await togetherOrAlone(
        members,
        (all) => this.applyTogether(all),
        // The failure may have taught a handler that an event must go alone (a send it found it needs).
        async (member) => {
          if (member.consumer.mustBeAlone(member)) handOff(member);
          else await member.consumer.applyAloneSettled(member);
        },
      );
    } finally {
      for (const { consumer, message } of batch) if (!handedOff.has(message)) consumer.release(message);
    }
  }

  /** One inbox insert, every handler in order, the rows they gathered, one commit; then the acknowledgements. */
  private async applyTogether(members: Member[]): Promise<void> {
    const applied = await this.outbox.transaction(async (tx) => {
      const rows: Array<{ event_id: string; consumer: string }> = await tx.query(
        `INSERT INTO "${this.schema}".inbox (event_id, consumer, subject)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING RETURNING event_id, consumer`,
        [
          members.map(({ envelope }) => envelope.eventId),
          members.map(({ consumer }) => consumer.consumerName),
          members.map(({ consumer }) => consumer.subject),
        ],
      );
      const fresh = new Set(rows.map((row) => `${row.consumer}\u0000${row.event_id}`));
      return GatheredWrites.around(tx, async (gathered) => {
        const outcomes: boolean[] = [];
        for (const member of members) {
          // Deleting marks it handled, so a copy of the same event later in the batch counts as a duplicate.
          const first = fresh.delete(`${member.consumer.consumerName}\u0000${member.envelope.eventId}`);
          if (first) await member.consumer.applyShared(member, tx, gathered);
          outcomes.push(first);
        }
        return outcomes;
      });
    });
    members.forEach(({ consumer, message }, i) => consumer.acknowledge(message, applied[i]));
  }
}
