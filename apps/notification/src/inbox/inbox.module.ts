import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { centreFilterOf, CommandSubjects, QueryRejected, QuerySubjects, type RecipientKind, type Scope } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, MESSAGING } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { Acknowledgements } from '../delivery/acknowledgements';
import { InboxEntry } from './notification.entity';

/** Whose inbox a scope opens: a unit's officers their unit's, centre staff their centre's, the rest the coordinators'. */
function inboxOf(scope: Scope) {
  if (scope.kind === 'unit') return { recipientKind: 'police_unit' as const, unitCode: scope.unitId };
  const centreId = centreFilterOf(scope);
  return centreId === null ? { recipientKind: 'coordinators' as const, centreId: IsNull() } : { recipientKind: 'centre' as const, centreId };
}

/** The in-app inbox of each centre, each police unit and of the coordinators: list with unread count, and mark read. */
@Module({})
export class InboxModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    const acknowledgements = new Acknowledgements(this.clock);
    this.messaging.queries.handle(QuerySubjects.InboxList, async ({ scope, limit }) => {
      const where = inboxOf(scope);
      const repository = this.dataSource.getRepository(InboxEntry);
      const [rows, unread] = await Promise.all([
        repository.find({ where, order: { createdAt: 'DESC' }, take: limit ?? 50 }),
        repository.count({ where: { ...where, readAt: IsNull() } }),
      ]);
      return {
        unread,
        entries: rows.map((row) => ({
          entryId: row.id,
          referralId: row.referralId,
          referralNumber: row.referralNumber,
          orderNumber: row.orderNumber,
          acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
          acknowledgedBy: row.acknowledgedBy,
          kind: row.kind,
          title: row.title,
          priority: row.priority,
          readAt: row.readAt?.toISOString() ?? null,
          createdAt: row.createdAt.toISOString(),
        })),
      };
    });
    // Opening an entry is the centre having seen the referral: its notifications are acknowledged.
    this.messaging.queries.handle(CommandSubjects.MarkInboxRead, async ({ entryId, scope }) => {
      const owner = centreFilterOf(scope);
      const recipientKind: RecipientKind = owner === null ? 'coordinators' : 'centre';
      return this.dataSource.transaction(async (tx) => {
        const rows: Array<{ referral_id: string; read_at: Date | null }> = await tx.query(
          `SELECT referral_id, read_at FROM notification.inbox_entry
            WHERE id = $1 AND recipient_kind = $2 AND centre_id IS NOT DISTINCT FROM $3 FOR UPDATE`,
          [entryId, recipientKind, owner],
        );
        // Another centre's entry is answered as missing: its existence is not theirs to learn.
        if (rows.length === 0) throw new QueryRejected('not_found', `no inbox entry ${entryId}`);
        if (rows[0].read_at) return { marked: false };
        await tx.query('UPDATE notification.inbox_entry SET read_at = $2 WHERE id = $1', [entryId, this.clock.now()]);
        if (owner) await acknowledgements.acknowledge(tx, rows[0].referral_id, owner, 'opened');
        return { marked: true };
      });
    });
  }
}
