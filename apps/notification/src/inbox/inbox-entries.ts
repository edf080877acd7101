import { EntityManager } from 'typeorm';
import { centreFilterOf, InboxEntryKind, InboxEntryView, RecipientKind, Scope } from '@korgoo/contracts';
import { afterPositionSql, orderSql, pageOfRows, positionSql } from '@korgoo/messaging';

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

/** The inbox table: entries written by delivery (with the inbox notification, `DeliveryRecords`), read and marked by their recipients. */
export class InboxEntries {
  /** Newest first, one page at a time; the unread count is the whole inbox's. */
  async page(db: EntityManager, scope: Scope, limit: number, after: string | null) {
    const inbox = inboxOf(scope);
    const next = inbox.params.length + 1;
    const [rows, [{ unread }]]: [InboxRow[], Array<{ unread: number }>] = await Promise.all([
      db.query(
        `SELECT i.*, ${positionSql('i')} AS position FROM notification.inbox_entry i
          WHERE ${inbox.where} AND ${afterPositionSql('i', `$${next}`)} ORDER BY ${orderSql('i')} LIMIT $${next + 1}`,
        [...inbox.params, after, limit + 1],
      ),
      db.query(`SELECT count(*)::int AS unread FROM notification.inbox_entry i WHERE ${inbox.where} AND i.read_at IS NULL`, inbox.params),
    ]);
    const page = pageOfRows(rows, limit, (row): InboxEntryView => ({
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
  }

  /** A centre's or the coordinators' entry, locked for marking; null when it is not theirs. */
  async lockOwned(tx: EntityManager, entryId: string, recipientKind: RecipientKind, centreId: string | null) {
    const rows: Array<{ referral_id: string; read_at: Date | null }> = await tx.query(
      `SELECT referral_id, read_at FROM notification.inbox_entry
        WHERE id = $1 AND recipient_kind = $2 AND centre_id IS NOT DISTINCT FROM $3 FOR UPDATE`,
      [entryId, recipientKind, centreId],
    );
    return rows[0] ?? null;
  }

  async markRead(tx: EntityManager, entryId: string, at: Date): Promise<void> {
    await tx.query('UPDATE notification.inbox_entry SET read_at = $2 WHERE id = $1', [entryId, at]);
  }
}
