import { Inject, Injectable } from '@nestjs/common';
import { AssessmentSummary, NotificationView, QuerySubjects, ReferralView, Scope } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { OrderStage, stageOf } from './order-stage';
import { ProtectionOrder } from './protection-order.entity';

export type { OrderStage } from './order-stage';

export interface OrderProgressView {
  orderId: string;
  orderNumber: string;
  issuingUnit: string;
  issuedAt: string;
  expiresAt: string;
  perpetrator: { fullName: string; sex: string; language: string };
  stage: OrderStage;
  assessment: AssessmentSummary | null;
  referral: ReferralView | null;
  notifications: NotificationView[];
}

/** Where an order stands, asked of each owning service over NATS; no service's tables are read here. */
@Injectable()
export class OrderProgress {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
  ) {}

  async of(order: ProtectionOrder, scope: Scope): Promise<OrderProgressView> {
    const orderId = order.id;
    const [{ assessment }, { referral }, { notifications }] = await Promise.all([
      this.messaging.client.request(QuerySubjects.RiskAssessmentByOrder, { orderId, scope }),
      this.messaging.client.request(QuerySubjects.ReferralByOrder, { orderId, scope }),
      this.messaging.client.request(QuerySubjects.NotificationsByOrder, { orderId, scope }),
    ]);
    return {
      orderId: order.id,
      orderNumber: order.orderNumber,
      issuingUnit: order.issuingUnit,
      issuedAt: order.issuedAt.toISOString(),
      expiresAt: order.expiresAt.toISOString(),
      perpetrator: {
        fullName: order.perpetrator.fullName,
        sex: order.perpetrator.sex,
        language: order.perpetrator.language,
      },
      stage: stageOf(assessment, referral, notifications),
      assessment,
      referral,
      notifications,
    };
  }
}
