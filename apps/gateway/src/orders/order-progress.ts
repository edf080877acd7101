import { Inject, Injectable } from '@nestjs/common';
import {
  AssessmentSummary,
  NotificationView,
  ProgrammeContracts,
  ProgrammeReader,
  ProgrammeRequestClasses,
  ProgrammeSubjects,
  ProgrammeView,
  QuerySubjects,
  ReferralView,
  Scope,
} from '@korgoo/contracts';
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

/** An order in a list, with what a card shows of it: one page costs one request to each owning service. */
export interface OrderListItem {
  orderId: string;
  orderNumber: string;
  unitCode: string | null;
  issuedAt: string;
  expiresAt: string;
  firstExpiresAt: string | null;
  courtDecision: CourtDecision | null;
  registeredAt: string;
  /** Null once erased at the end of the retention term. */
  perpetratorName: string | null;
  stage: OrderStage;
  referral: Pick<ReferralView, 'referralId' | 'referralNumber' | 'status' | 'centreName' | 'outreachSettlementCode'> | null;
  /** The programme on that referral as the reader may see it; null before one starts, and for readers of none. */
  programme: ProgrammeView | null;
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
      ...this.asRegistered(order),
      issuingUnit: order.issuingUnit,
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

  /**
   * Where each order of a page stands, asked of each owning service once for the whole page; the programmes
   * as `reader` sees them (null: a role that reads none).
   */
  async ofPage(orders: ProtectionOrder[], scope: Scope, reader: ProgrammeReader | null): Promise<OrderListItem[]> {
    if (orders.length === 0) return [];
    const orderIds = orders.map((order) => order.id);
    const [{ assessments }, { referrals }, { notifications }] = await Promise.all([
      this.messaging.client.request(QuerySubjects.RiskAssessmentsByOrders, { orderIds, scope }),
      this.messaging.client.request(QuerySubjects.ReferralsByOrders, { orderIds, scope }),
      this.messaging.client.request(QuerySubjects.NotificationsByOrders, { orderIds, scope }),
    ]);
    const programmes = await this.programmesOf(Object.values(referrals), reader);
    return orders.map((order) => {
      const referral = referrals[order.id] ?? null;
      return {
        ...this.asRegistered(order),
        unitCode: order.unitCode,
        registeredAt: order.registeredAt.toISOString(),
        perpetratorName: personNameOf(order, this.cipher),
        stage: stageOf(assessments[order.id] ?? null, referral, notifications[order.id] ?? []),
        referral: referral && {
          referralId: referral.referralId,
          referralNumber: referral.referralNumber,
          status: referral.status,
          centreName: referral.centreName,
          outreachSettlementCode: referral.outreachSettlementCode,
        },
        programme: (referral && programmes[referral.referralId]) ?? null,
      };
    });
  }

  private async programmesOf(referrals: ReferralView[], reader: ProgrammeReader | null): Promise<Record<string, ProgrammeView>> {
    if (!reader || referrals.length === 0) return {};
    const { programmes } = await this.messaging.client.requestFrom<ProgrammeContracts, typeof ProgrammeSubjects.ProgrammesByReferrals>(
      ProgrammeRequestClasses,
      ProgrammeSubjects.ProgrammesByReferrals,
      { referralIds: referrals.map((referral) => referral.referralId), reader },
    );
    return programmes;
  }

  /** What the gateway itself holds of the order's dates and decision. */
  private asRegistered(order: ProtectionOrder) {
    return {
      orderId: order.id,
      orderNumber: order.orderNumber,
      issuedAt: order.issuedAt.toISOString(),
      expiresAt: order.expiresAt.toISOString(),
      firstExpiresAt: order.firstExpiresAt?.toISOString() ?? null,
      courtDecision: courtDecisionOf(order),
    };
  }
}

export function courtDecisionOf(order: ProtectionOrder): CourtDecision | null {
  return order.courtDecidedOn && order.courtReference ? { decidedOn: order.courtDecidedOn, reference: order.courtReference } : null;
}
