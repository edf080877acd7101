import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { InboxEntryKind, RecipientKind } from '@korgoo/contracts';

export interface NewInboxEntry {
  notificationId: string;
  recipientKind: RecipientKind;
  centreId: string | null;
  unitCode: string | null;
  orderNumber: string | null;
  referralId: string | null;
  referralNumber: string | null;
  kind: InboxEntryKind;
  priority: string;
  title: { ky: string; ru: string; en: string };
}

/** Writes to the inbox table; the inbox module reads it. */
export class InboxEntries {
  async add(tx: EntityManager, entry: NewInboxEntry): Promise<void> {
    await tx.query(
      `INSERT INTO notification.inbox_entry
         (id, notification_id, recipient_kind, centre_id, unit_code, order_number, referral_id, referral_number, kind, priority, title)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        randomUUID(),
        entry.notificationId,
        entry.recipientKind,
        entry.centreId,
        entry.unitCode,
        entry.orderNumber,
        entry.referralId,
        entry.referralNumber,
        entry.kind,
        entry.priority,
        JSON.stringify(entry.title),
      ],
    );
  }
}
