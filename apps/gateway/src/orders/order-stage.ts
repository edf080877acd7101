import type { AssessmentSummary, NotificationView, ReferralView } from '@korgoo/contracts';

export type OrderStage = 'registered' | 'assessed' | 'routed' | 'unroutable' | 'notified';

/**
 * How far an order got. `notified` means someone was told about its referral; an alert that precedes any
 * referral (immediate danger) tells the coordinators about the order, not that routing reached anyone.
 */
export function stageOf(
  assessment: AssessmentSummary | null,
  referral: ReferralView | null,
  notifications: NotificationView[],
): OrderStage {
  if (notifications.some((notification) => notification.referralId !== null)) return 'notified';
  if (referral) return referral.status === 'unroutable' ? 'unroutable' : 'routed';
  if (assessment) return 'assessed';
  return 'registered';
}
