import { randomUUID } from 'node:crypto';
import { Column, Entity, EntityManager, PrimaryColumn } from 'typeorm';
import type { Actor } from '@korgoo/contracts';
import { FieldCipher } from '@korgoo/platform/core';
import type { OrderNoteKind, OrderNoteText } from './order-notes';
import { noteBodyContext } from './sealed-fields';

/** An officer's own words about an order: kept here only, sealed at rest, read with an audit row. */
@Entity({ name: 'order_note' })
export class OrderNote {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') kind: OrderNoteKind;
  @Column('text') body: string;
  @Column('uuid', { name: 'written_by' }) writtenBy: string;
  @Column('timestamptz', { name: 'written_at' }) writtenAt: Date;
}

export interface NoteWriting {
  actor: Actor;
  at: Date;
  cipher: FieldCipher;
}

export async function keepNotes(tx: EntityManager, orderId: string, notes: OrderNoteText[], writing: NoteWriting): Promise<void> {
  if (notes.length === 0) return;
  await tx.getRepository(OrderNote).insert(sealedNotes(orderId, notes, writing));
}

/** The notes as rows, each body sealed under its own id. */
export function sealedNotes(orderId: string, notes: OrderNoteText[], { actor, at, cipher }: NoteWriting): OrderNote[] {
  return notes.map((note) => {
    const id = randomUUID();
    return { id, orderId, kind: note.kind, body: cipher.seal(note.body, noteBodyContext(id)), writtenBy: actor.accountId, writtenAt: at };
  });
}

/** The order's notes, opened. */
export async function notesOfOrder(db: EntityManager, orderId: string, cipher: FieldCipher): Promise<OrderNote[]> {
  const notes = await db.getRepository(OrderNote).find({ where: { orderId }, order: { writtenAt: 'ASC' } });
  return notes.map((note) => ({ ...note, body: cipher.open(note.body, noteBodyContext(note.id)) }));
}
