import { randomUUID } from 'node:crypto';
import { Column, Entity, EntityManager, PrimaryColumn } from 'typeorm';
import type { Actor } from '@korgoo/contracts';
import type { OrderNoteKind, OrderNoteText } from './order-notes';

/** An officer's own words about an order: kept here only, read with an audit row. */
@Entity({ name: 'order_note' })
export class OrderNote {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') kind: OrderNoteKind;
  @Column('text') body: string;
  @Column('uuid', { name: 'written_by' }) writtenBy: string;
  @Column('timestamptz', { name: 'written_at' }) writtenAt: Date;
}

export async function keepNotes(tx: EntityManager, orderId: string, notes: OrderNoteText[], actor: Actor, at: Date): Promise<void> {
  if (notes.length === 0) return;
  await tx.getRepository(OrderNote).insert(
    notes.map((note) => ({ id: randomUUID(), orderId, kind: note.kind, body: note.body, writtenBy: actor.accountId, writtenAt: at })),
  );
}

export function notesOfOrder(db: EntityManager, orderId: string): Promise<OrderNote[]> {
  return db.getRepository(OrderNote).find({ where: { orderId }, order: { writtenAt: 'ASC' } });
}
