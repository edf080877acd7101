import { randomUUID } from 'node:crypto';
import { EventEnvelope, RiskAssessedV1 } from '@korgoo/contracts';
import {
  cancelledIntent,
  decisionReminderIntent,
  expiredIntent,
  expiredWithdrawalIntent,
  replannedIntents,
  followUpDueIntent,
  groupSessionIntent,
  immediateDangerIntents,
  programmeAlertIntent,
  refusalNoticeIntent,
  refusalNoticeRoute,
  routedIntent,
  treatmentRecheckIntent,
  unreachableNotice,
  withdrawnIntent,
} from './intents';

function envelope<P>(payload: P): EventEnvelope<P> {
  return {
    eventId: randomUUID(),
    subject: 'referral.routed.v1',
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    producer: 'matching',
    payload,
  };
}

const ids = { referralId: randomUUID(), orderId: randomUUID(), referralNumber: 'R-2026-000042' };
const unreached = { sourceEventId: 'e-1', orderId: ids.orderId, referralId: ids.referralId, centreId: null, unitCode: null };

const proposal = {
  ...ids,
  centreId: 'naryn-asylzat',
  priority: 'urgent' as const,
  acknowledgeBy: '2026-03-01T06:00:00Z',
  firstSessionAt: '2026-03-02T06:00:00Z',
  language: 'ky' as const,
  travelMinutes: 20,
  travelSource: 'road-graph',
};

describe('who each referral event addresses', () => {
  it('tells the proposed centre, with the facts it needs to plan', () => {
    const spec = routedIntent(envelope(proposal));
    expect(spec).toMatchObject({ recipientKind: 'centre', centreId: 'naryn-asylzat', kind: 'referral_routed', priority: 'urgent' });
    expect(Object.keys(spec.facts).sort()).toEqual(['acknowledgeBy', 'firstSessionAt', 'priority', 'referralNumber']);
  });

  it('tells the centre the outreach point where the sessions are held, by its settlement only', () => {
    const spec = routedIntent(envelope({ ...proposal, outreachSettlementCode: 'kazarman' }));
    expect(spec.facts).toMatchObject({ outreachSettlementCode: 'kazarman' });
  });

  it('tells the coordinators about a missed deadline, naming the centre', () => {
    const spec = expiredIntent(envelope({ ...ids, centreId: 'osh-ak-jurok', acknowledgeBy: '2026-03-01T06:00:00Z' }));
    expect(spec).toMatchObject({ recipientKind: 'coordinators', centreId: null, kind: 'referral_expired', aboutCentreId: 'osh-ak-jurok' });
  });

  it('reminds the coordinators of a referral still waiting for them, each reminder keyed to its own event', () => {
    const reminder = (n: number) =>
      envelope({ ...ids, priority: 'high' as const, status: 'escalated' as const, reminder: n, waitingSince: '2026-03-01T06:00:00Z' });
    const [first, second] = [decisionReminderIntent(reminder(1)), decisionReminderIntent(reminder(2))];
    expect(first).toMatchObject({ recipientKind: 'coordinators', centreId: null, kind: 'referral_decision_reminder', priority: 'high' });
    expect(first.facts).toEqual({ referralNumber: ids.referralNumber, priority: 'high' });
    expect(second.sourceEventId).not.toBe(first.sourceEventId);
  });

  it('tells the holding centre of a cancellation, or the coordinators when no centre held it', () => {
    expect(cancelledIntent(envelope({ ...ids, centreId: 'osh-ak-jurok' }))).toMatchObject({ recipientKind: 'centre', centreId: 'osh-ak-jurok' });
    expect(cancelledIntent(envelope({ ...ids }))).toMatchObject({ recipientKind: 'coordinators', centreId: null });
  });

  it('tells the centre a referral proposed to it was withdrawn from it, by its number only', () => {
    const spec = withdrawnIntent(envelope({ ...ids, centreId: 'osh-ak-jurok', reason: 'facilitator_away' as const }));
    expect(spec).toMatchObject({ recipientKind: 'centre', centreId: 'osh-ak-jurok', kind: 'referral_withdrawn', aboutCentreId: null });
    expect(spec.facts).toEqual({ referralNumber: ids.referralNumber, withdrawalReason: 'facilitator_away' });
  });

  it('tells the centre of sessions a facilitator’s absence moved, from the first of them, and of no other reschedule', () => {
    const sessions = [3, 2, 4].map((index) => ({ index, kind: 'individual' as const, startsAt: `2026-03-0${index}T04:00:00Z`, endsAt: `2026-03-0${index}T08:00:00Z` }));
    const rescheduled = (cause: 'facilitator_away' | 'excused' | 'group_merge') =>
      envelope({ ...ids, programmeId: ids.referralId, centreId: 'osh-ak-jurok', cause, sessions, expiresAt: '2026-04-01T00:00:00Z' });
    const [spec, ...rest] = replannedIntents(rescheduled('facilitator_away'));
    expect(rest).toEqual([]);
    expect(spec).toMatchObject({ recipientKind: 'centre', centreId: 'osh-ak-jurok', kind: 'sessions_replanned' });
    expect(spec.facts).toEqual({ referralNumber: ids.referralNumber, sessionIndex: 2, sessionStartsAt: '2026-03-02T04:00:00Z' });
    expect([...replannedIntents(rescheduled('excused')), ...replannedIntents(rescheduled('group_merge'))]).toEqual([]);
  });

  it('tells the centre that missed its deadline that the referral was taken from it, by its number only', () => {
    const spec = expiredWithdrawalIntent(envelope({ ...ids, centreId: 'osh-ak-jurok', acknowledgeBy: '2026-03-01T06:00:00Z' }));
    expect(spec).toMatchObject({ recipientKind: 'centre', centreId: 'osh-ak-jurok', kind: 'referral_withdrawn', aboutCentreId: null });
    expect(spec.facts).toEqual({ referralNumber: ids.referralNumber, withdrawalReason: 'deadline_passed' });
  });

  it('keys the coordinators’ notice about an unreachable centre to the same event', () => {
    const notice = unreachableNotice({
      ...unreached,
      recipientKind: 'centre',
      centreId: 'c-1',
      facts: { referralNumber: ids.referralNumber, priority: 'high' },
    });
    expect(notice).toMatchObject({ sourceEventId: 'e-1', recipientKind: 'coordinators', kind: 'centre_unreachable', aboutCentreId: 'c-1', priority: 'high' });
  });

  it('tells the coordinators when a police unit could not be reached with its notice, and nobody when they could not be', () => {
    const notice = unreachableNotice({
      ...unreached,
      recipientKind: 'police_unit',
      unitCode: 'naryn-riib',
      facts: { referralNumber: ids.referralNumber, orderNumber: 'TPO-2026-000123' },
    });
    expect(notice).toMatchObject({ recipientKind: 'coordinators', kind: 'police_unit_unreachable', unitCode: null });
    expect(notice!.facts).toEqual({ referralNumber: ids.referralNumber, orderNumber: 'TPO-2026-000123', unitName: 'naryn-riib' });
    expect(unreachableNotice({ ...unreached, recipientKind: 'coordinators', facts: { referralNumber: ids.referralNumber } })).toBeNull();
  });
});

describe('who each programme event addresses', () => {
  const programme = { ...ids, programmeId: randomUUID(), centreId: 'naryn-asylzat' };

  it('sends the Article 72 notice to the issuing unit with order number, centre and missed sessions, nothing personal', () => {
    const spec = refusalNoticeIntent(
      envelope({
        ...programme,
        noticeId: randomUUID(),
        ground: 'explicit_refusal' as const,
        refusalPolicy: 'second-unexcused-or-cannot-finish',
        sessionsOffered: 2,
        missed: [{ index: 2, startsAt: '2026-03-09T04:00:00Z', mark: 'refused' as const }],
        expiresAt: '2026-03-28T00:00:00Z',
        reportedAt: '2026-03-09T06:00:00Z',
      }),
      { orderNumber: 'TPO-2026-000123', unitCode: 'naryn-riib' },
    );
    expect(spec).toMatchObject({
      recipientKind: 'police_unit',
      unitCode: 'naryn-riib',
      centreId: null,
      kind: 'article72_notice',
      aboutCentreId: 'naryn-asylzat',
    });
    expect(spec.facts).toEqual({
      referralNumber: ids.referralNumber,
      orderNumber: 'TPO-2026-000123',
      refusal: {
        ground: 'explicit_refusal',
        refusalPolicy: 'second-unexcused-or-cannot-finish',
        sessionsOffered: 2,
        missed: [{ index: 2, startsAt: '2026-03-09T04:00:00Z', mark: 'refused' }],
        expiresAt: '2026-03-28T00:00:00Z',
        reportedAt: '2026-03-09T06:00:00Z',
      },
    });
  });

  it('sends the Article 72 notice of an order with no police unit to the coordinators, to wait for a unit', () => {
    const refusal = envelope({
      ...programme,
      noticeId: randomUUID(),
      ground: 'unexcused_absences' as const,
      refusalPolicy: 'second-unexcused-or-cannot-finish',
      sessionsOffered: 3,
      missed: [],
      expiresAt: '2026-03-28T00:00:00Z',
      reportedAt: '2026-03-16T06:00:00Z',
    });
    const withUnit = refusalNoticeRoute(refusal, { orderNumber: 'TPO-2026-000123', unitCode: 'naryn-riib' });
    expect(withUnit).toMatchObject({ awaitsUnit: false, intent: { recipientKind: 'police_unit', unitCode: 'naryn-riib', kind: 'article72_notice' } });

    const registeredBeforeUnits = refusalNoticeRoute(refusal, { orderNumber: 'TPO-2026-000123', unitCode: null });
    expect(registeredBeforeUnits).toMatchObject({
      awaitsUnit: true,
      intent: { recipientKind: 'coordinators', unitCode: null, kind: 'police_unit_unreachable', priority: 'urgent', sourceEventId: refusal.eventId },
    });
    expect(registeredBeforeUnits.intent.facts).toEqual({ referralNumber: ids.referralNumber, orderNumber: 'TPO-2026-000123' });
    expect(refusalNoticeRoute(refusal, null).intent.facts).toEqual({ referralNumber: ids.referralNumber });
  });

  it('sends a programme alert to the centre or to the coordinators, as its audience says', () => {
    const alert = { ...programme, kind: 'attendance_missing' as const, sessionIndex: 1, expiresAt: '2026-03-28T00:00:00Z' };
    expect(programmeAlertIntent(envelope({ ...alert, audience: 'centre' as const }))).toMatchObject({
      recipientKind: 'centre',
      centreId: 'naryn-asylzat',
      kind: 'programme_attendance_missing',
      facts: { sessionIndex: 1 },
    });
    const late = { ...programme, kind: 'cannot_complete_before_expiry' as const, daysBeforeExpiry: 3, expiresAt: '2026-03-28T00:00:00Z' };
    expect(programmeAlertIntent(envelope({ ...late, audience: 'coordinators' as const }))).toMatchObject({
      recipientKind: 'coordinators',
      centreId: null,
      kind: 'programme_cannot_complete',
      aboutCentreId: 'naryn-asylzat',
      facts: { daysBeforeExpiry: 3 },
    });
  });
});

describe('who is reminded after the programme', () => {
  const programme = { ...ids, programmeId: randomUUID(), centreId: 'naryn-asylzat' };

  it('reminds the centre that ran the programme of a monitoring meeting that fell due', () => {
    const due = followUpDueIntent(envelope({ ...programme, meetingNumber: 2, monthsAfterCompletion: 6, dueAt: '2026-09-02T05:00:00Z' }));
    expect(due).toMatchObject({ recipientKind: 'centre', centreId: 'naryn-asylzat', kind: 'programme_follow_up_due', aboutCentreId: null });
    expect(due.facts).toEqual({ referralNumber: ids.referralNumber, meetingNumber: 2, monthsAfterCompletion: 6, dueAt: '2026-09-02T05:00:00Z' });
  });

  it('brings a programme closed for treatment first back to the coordinators on its re-check day', () => {
    const recheck = treatmentRecheckIntent(envelope({ ...programme, recheckOn: '2026-06-15', closedAt: '2026-03-10T06:00:00Z' }));
    expect(recheck).toMatchObject({ recipientKind: 'coordinators', centreId: null, kind: 'programme_treatment_recheck', aboutCentreId: 'naryn-asylzat' });
    expect(recheck.facts).toEqual({ referralNumber: ids.referralNumber, recheckOn: '2026-06-15' });
  });
});

describe('who hears what became of a small group', () => {
  const member = { ...ids, centreId: 'naryn-asylzat', sessionIndex: 3, participants: 1, minParticipants: 3, decidedAt: '2026-03-14T08:00:00Z' };

  it('tells the centre the session’s new time and the one it replaces, naming only the referral', () => {
    const moved = groupSessionIntent(
      envelope({
        ...member,
        fromBookedSessionId: randomUUID(),
        previousStartsAt: '2026-03-16T08:00:00Z',
        bookedSessionId: randomUUID(),
        startsAt: '2026-03-17T08:00:00Z',
        endsAt: '2026-03-17T12:00:00Z',
        facilitatorIds: ['naryn-asylzat-1', 'naryn-asylzat-2'],
      }),
    );
    expect(moved).toMatchObject({ recipientKind: 'centre', centreId: 'naryn-asylzat', kind: 'group_session_moved', referralId: ids.referralId });
    expect(moved.facts).toEqual({
      referralNumber: ids.referralNumber,
      sessionIndex: 3,
      sessionStartsAt: '2026-03-17T08:00:00Z',
      previousStartsAt: '2026-03-16T08:00:00Z',
    });
  });

  it('tells the centre a meeting runs below its minimum, with its size', () => {
    const runs = groupSessionIntent(envelope({ ...member, participants: 2, bookedSessionId: randomUUID(), startsAt: '2026-03-17T08:00:00Z' }));
    expect(runs).toMatchObject({ recipientKind: 'centre', centreId: 'naryn-asylzat', kind: 'group_session_runs_small' });
    expect(runs.facts).toEqual({ referralNumber: ids.referralNumber, sessionIndex: 3, sessionStartsAt: '2026-03-17T08:00:00Z', participants: 2 });
  });
});

describe('who hears of immediate danger', () => {
  it('the coordinators and the duty hotline at once, urgently, with the order number and the settlement only', () => {
    const assessed = envelope({
      orderId: ids.orderId,
      immediateDanger: true,
      participant: { sex: 'male' as const, language: 'ky' as const, location: { settlementCode: 'naryn', lat: 41.43, lng: 76 } },
    } as unknown as RiskAssessedV1);
    const specs = immediateDangerIntents(assessed, { orderNumber: 'TPO-2026-000123', unitCode: 'naryn-riib' });
    expect(specs.map((spec) => spec.recipientKind)).toEqual(['coordinators', 'duty_hotline']);
    for (const spec of specs) {
      expect(spec).toMatchObject({ sourceEventId: assessed.eventId, referralId: null, kind: 'immediate_danger', priority: 'urgent' });
      expect(spec.facts).toEqual({ orderNumber: 'TPO-2026-000123', settlementCode: 'naryn' });
    }
  });
});
