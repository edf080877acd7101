import { Inject, Injectable } from '@nestjs/common';
import { AssessmentSummary, NotificationView, QuerySubjects, ReferralView, Scope } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { DataSource } from 'typeorm';
import { FieldCipher } from '@korgoo/platform/core';
import { notesOfOrder } from './order-note.entity';
import type { OrderNoteKind } from './order-notes';
import { OrderStage, stageOf } from './order-stage';
import { ProtectionOrder } from './protection-order.entity';
import { personNameOf } from './sealed-fields';

export type { OrderStage } from './order-stage';

export interface CourtDecision {
  decidedOn: string;
  reference: string;
}

export interface OrderProgressView {
  orderId: string;
  orderNumber: string;
  issuingUnit: string;
  issuedAt: string;
  expiresAt: string;
  /** The expiry first registered, when the order has since been extended. */
  firstExpiresAt: string | null;
  courtDecision: CourtDecision | null;
  /** `fullName` is null once erased at the end of the retention term (`erasedAt`). */
  perpetrator: { fullName: string | null; sex: string; language: string };
  erasedAt: string | null;
  stage: OrderStage;
  assessment: AssessmentSummary | null;
  referral: ReferralView | null;
  notifications: NotificationView[];
  /** The officers' own words about the order: shown only here, to those who may see the order. */
  notes: OrderNoteView[];
}

export interface OrderNoteView {
  kind: OrderNoteKind;
  body: string;
  writtenAt: string;
}

/** Where an order stands, asked of each owning service over NATS; no other service's tables are read here. */
@Injectable()
export class OrderProgress {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  async of(order: ProtectionOrder, scope: Scope): Promise<OrderProgressView> {
    const orderId = order.id;
    const [{ assessment }, { referral }, { notifications }, notes] = await Promise.all([
      this.messaging.client.request(QuerySubjects.RiskAssessmentByOrder, { orderId, scope }),
      this.messaging.client.request(QuerySubjects.ReferralByOrder, { orderId, scope }),
      this.messaging.client.request(QuerySubjects.NotificationsByOrder, { orderId, scope }),
      notesOfOrder(this.dataSource.manager, orderId, this.cipher),
    ]);
    return {
      orderId: order.id,
      orderNumber: order.orderNumber,
      issuingUnit: order.issuingUnit,
      issuedAt: order.issuedAt.toISOString(),
      expiresAt: order.expiresAt.toISOString(),
      firstExpiresAt: order.firstExpiresAt?.toISOString() ?? null,
      courtDecision: courtDecisionOf(order),
      perpetrator: {
        fullName: personNameOf(order, this.cipher),
        sex: order.perpetrator.sex,
        language: order.perpetrator.language,
      },
      erasedAt: order.erasedAt?.toISOString() ?? null,
      stage: stageOf(assessment, referral, notifications),
      assessment,
      referral,
      notifications,
      notes: notes.map((note) => ({ kind: note.kind, body: note.body, writtenAt: note.writtenAt.toISOString() })),
    };
  }
}

export function courtDecisionOf(order: ProtectionOrder): CourtDecision | null {
  return order.courtDecidedOn && order.courtReference ? { decidedOn: order.courtDecidedOn, reference: order.courtReference } : null;
}
