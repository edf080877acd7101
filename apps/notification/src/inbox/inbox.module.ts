import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  centreFilterOf,
  CommandSubjects,
  type InboxEntryKind,
  QueryRejected,
  QuerySubjects,
  type RecipientKind,
  type Scope,
} from '@korgoo/contracts';
import { afterPositionSql, MessagingRuntime, orderSql, pageOfRows, positionSql } from '@korgoo/messaging';
import { CLOCK, MESSAGING } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { Acknowledgements } from '../delivery/acknowledgements';

/**
 * Whose inbox a scope opens, as a condition on `inbox_entry i` that its indexes serve: a unit's officers their
 * unit's, centre staff their centre's, the rest the coordinators'.
 */
function inboxOf(scope: Scope): { where: string; params: string[] } {
  if (scope.kind === 'unit') return { where: `i.recipient_kind = 'police_unit' AND i.unit_code = $1`, params: [scope.unitId] };
  const centreId = centreFilterOf(scope);
  if (centreId === null) return { where: `i.recipient_kind = 'coordinators' AND i.centre_id IS NULL`, params: [] };
  return { where: `i.recipient_kind = 'centre' AND i.centre_id = $1`, params: [centreId] };
}

interface InboxRow {
  id: string;
  referral_id: string | null;
  referral_number: string | null;
  order_number: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  kind: InboxEntryKind;
  title: { ky: string; ru: string; en: string };
  priority: string;
  read_at: Date | null;
  created_at: Date;
  position: string;
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
    // Newest first, one page at a time; the unread count is the whole inbox's.
    this.messaging.queries.handle(QuerySubjects.InboxList, async ({ scope, limit = 50, after }) => {
      const inbox = inboxOf(scope);
      const next = inbox.params.length + 1;
      const [rows, [{ unread }]]: [InboxRow[], Array<{ unread: number }>] = await Promise.all([
        this.dataSource.query(
          `SELECT i.*, ${positionSql('i')} AS position FROM notification.inbox_entry i
            WHERE ${inbox.where} AND ${afterPositionSql('i', `$${next}`)} ORDER BY ${orderSql('i')} LIMIT $${next + 1}`,
          [...inbox.params, after ?? null, limit + 1],
        ),
        this.dataSource.query(
          `SELECT count(*)::int AS unread FROM notification.inbox_entry i WHERE ${inbox.where} AND i.read_at IS NULL`,
          inbox.params,
        ),
      ]);
      const page = pageOfRows(rows, limit, (row) => ({
        entryId: row.id,
        referralId: row.referral_id,
        referralNumber: row.referral_number,
        orderNumber: row.order_number,
        acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
        acknowledgedBy: row.acknowledged_by,
        kind: row.kind,
        title: row.title,
        priority: row.priority,
        readAt: row.read_at?.toISOString() ?? null,
        createdAt: row.created_at.toISOString(),
      }));
      return { unread, entries: page.items, next: page.next };
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
