import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A protection order as the police registered it. Personal data lives here and nowhere else. */
@Entity({ name: 'protection_order' })
export class ProtectionOrder {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'order_number', unique: true }) orderNumber: string;
  /** Hash of the canonical request: tells an idempotent repeat from a conflicting one. */
  @Column('text', { name: 'body_hash' }) bodyHash: string;
  @Column('text', { name: 'issuing_unit' }) issuingUnit: string;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt: Date;
  /** The expiry as it stands, later after an extension. */
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  /** The expiry first registered, kept once the order has been extended. */
  @Column('timestamptz', { name: 'first_expires_at', nullable: true }) firstExpiresAt: Date | null;
  @Column('date', { name: 'court_decided_on', nullable: true }) courtDecidedOn: string | null;
  @Column('text', { name: 'court_reference', nullable: true }) courtReference: string | null;
  /** `fullName` is sealed (sealed-fields.ts), and with `birthYear` erased when the retention term ends; nothing about the victim is kept. */
  @Column('jsonb') perpetrator: { fullName?: string; birthYear?: number; sex: string; language: string };
  /** When the case ended (the programme's final outcome, or a withdrawal): the retention term runs from here. */
  @Column('timestamptz', { name: 'case_closed_at', nullable: true }) caseClosedAt: Date | null;
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt: Date | null;
  /** The registering officer's police unit: only that unit's officers see the order. */
  @Column('text', { name: 'unit_code', nullable: true }) unitCode: string | null;
  @Column('uuid', { name: 'registered_by' }) registeredBy: string;
  @Column('timestamptz', { name: 'registered_at', default: () => 'now()' }) registeredAt: Date;
}
