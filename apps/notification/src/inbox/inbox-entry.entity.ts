import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { InboxEntryKind, RecipientKind } from '@korgoo/contracts';

/** What a centre's staff, a police unit's officers or the coordinators see in their Korgoo inbox. */
@Entity({ name: 'inbox_entry' })
export class InboxEntry {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'notification_id' }) notificationId: string;
  @Column('text', { name: 'recipient_kind' }) recipientKind: RecipientKind;
  @Column('text', { name: 'centre_id', nullable: true }) centreId: string | null;
  @Column('text', { name: 'unit_code', nullable: true }) unitCode: string | null;
  @Column('uuid', { name: 'referral_id', nullable: true }) referralId: string | null;
  @Column('text', { name: 'referral_number', nullable: true }) referralNumber: string | null;
  @Column('text', { name: 'order_number', nullable: true }) orderNumber: string | null;
  /** An Article 72 notice is acknowledged once, by an officer of the unit. */
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt: Date | null;
  @Column('uuid', { name: 'acknowledged_by', nullable: true }) acknowledgedBy: string | null;
  @Column('text') kind: InboxEntryKind;
  @Column('text') priority: string;
  @Column('jsonb') title: { ky: string; ru: string; en: string };
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
