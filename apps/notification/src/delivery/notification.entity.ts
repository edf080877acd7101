import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { NotificationChannel, RecipientKind } from '@korgoo/contracts';

/** One intent to tell one recipient about one event through one channel: unique, so never sent twice. */
@Entity({ name: 'notification' })
export class Notification {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'source_event_id' }) sourceEventId: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'referral_id', nullable: true }) referralId: string | null;
  @Column('text', { name: 'recipient_kind' }) recipientKind: RecipientKind;
  @Column('text', { name: 'centre_id', nullable: true }) centreId: string | null;
  @Column('text', { name: 'unit_code', nullable: true }) unitCode: string | null;
  @Column('text') channel: NotificationChannel;
  /** pending, sent, delivered, failed, undelivered, or skipped when the centre acknowledged first. */
  @Column('text') status: string;
  @Column('uuid', { name: 'intent_id', nullable: true }) intentId: string | null;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
