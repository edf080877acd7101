import { BoundedMemory } from './bounded-memory';

/** Recipients remembered at most; past it the oldest is forgotten, and a forgotten one is guessed anew. */
const REMEMBERED = 10_000;

/**
 * Whether each recipient was last found with a channel to send through beyond the inbox, as this process saw
 * its intents made. Only a guess, used to choose where an event's intents are made: one that needs no send is
 * made in the event's own transaction, with its inbox entry; one that needs sends is made in a step of its own,
 * committed before the first send. A wrong guess costs statements, never a notification: an intent found to
 * need sends in the event's transaction rolls that transaction back and is made again in steps.
 */
export class RecipientsSeen {
  private readonly sending = new BoundedMemory<boolean>(REMEMBERED);

  /**
   * @param channelsHere whether this deployment has any provider to send through: without one, no intent
   * ever needs a send.
   */
  constructor(private readonly channelsHere: boolean) {}

  /** A recipient never seen is guessed to need no send: the inbox alone is the common case where guessing pays. */
  mayNeedSends(recipientKey: string): boolean {
    return this.channelsHere && (this.sending.get(recipientKey) ?? false);
  }

  seen(recipientKey: string, needsSends: boolean): void {
    if (!this.channelsHere) return;
    this.sending.set(recipientKey, needsSends);
  }
}
