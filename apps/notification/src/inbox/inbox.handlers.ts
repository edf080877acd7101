import { DataSource } from 'typeorm';
import { centreFilterOf, CommandSubjects, QueryRejected, QuerySubjects, type RecipientKind } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { Acknowledgements } from '../delivery/acknowledgements';
import { InboxEntries } from './inbox-entries';

/** The inbox of each centre, each police unit and of the coordinators: list with unread count, and mark read. */
export function bindInbox(messaging: MessagingRuntime, dataSource: DataSource, clock: Clock): void {
  const entries = new InboxEntries();
  const acknowledgements = new Acknowledgements(clock);
  messaging.queries.handle(QuerySubjects.InboxList, ({ scope, limit = 50, after }) => entries.page(dataSource.manager, scope, limit, after ?? null));
  // Opening an entry is the centre having seen the referral: its notifications are acknowledged.
  messaging.queries.handle(CommandSubjects.MarkInboxRead, async ({ entryId, scope }) => {
    const owner = centreFilterOf(scope);
    const recipientKind: RecipientKind = owner === null ? 'coordinators' : 'centre';
    return dataSource.transaction(async (tx) => {
      const entry = await entries.lockOwned(tx, entryId, recipientKind, owner);
      // Another centre's entry is answered as missing: its existence is not theirs to learn.
      if (!entry) throw new QueryRejected('not_found', `no inbox entry ${entryId}`);
      if (entry.read_at) return { marked: false };
      await entries.markRead(tx, entryId, clock.now());
      if (owner) await acknowledgements.acknowledge(tx, entry.referral_id, owner, 'opened');
      return { marked: true };
    });
  });
}
