import type { AssessmentSummary, NotificationView, ReferralView } from '@korgoo/contracts';
import { stageOf } from './order-stage';

const assessment = { assessmentId: 'a-1' } as unknown as AssessmentSummary;
const referral = { referralId: 'r-1', status: 'proposed' } as unknown as ReferralView;

function notification(referralId: string | null): NotificationView {
  return { notificationId: 'n-1', referralId, recipientKind: 'coordinators', centreId: null, channel: 'inbox', status: 'delivered', createdAt: '2026-03-01T00:00:00Z' };
}

describe('the stage of an order', () => {
  it('follows the order from registration to a notified referral', () => {
    expect(stageOf(null, null, [])).toBe('registered');
    expect(stageOf(assessment, null, [])).toBe('assessed');
    expect(stageOf(assessment, referral, [])).toBe('routed');
    expect(stageOf(assessment, { ...referral, status: 'unroutable' }, [])).toBe('unroutable');
    expect(stageOf(assessment, referral, [notification('r-1')])).toBe('notified');
  });

  it('is not notified by an immediate-danger alert that precedes any referral', () => {
    expect(stageOf(assessment, null, [notification(null)])).toBe('assessed');
    expect(stageOf(assessment, referral, [notification(null)])).toBe('routed');
  });
});
