import { EventEnvelope, SERVICE_MESSAGING } from '@korgoo/contracts';
import { mergeOrderFacts, projectEvent } from './event-facts';

function envelope<P>(subject: string, payload: P): EventEnvelope<P> {
  return { eventId: '7b0a4c1e-2f7d-4c55-9a39-1d0c6a3f9e10', subject, occurredAt: '2026-12-01T08:00:00.000Z', correlationId: 'c', payload } as unknown as EventEnvelope<P>;
}

describe('what reporting counts', () => {
  it('counts only events its NATS user may consume, so production permissions never starve a consumer', () => {
    const allowed: readonly string[] = SERVICE_MESSAGING.reporting.consumes;
    expect(Object.keys(projectEvent).filter((subject) => !allowed.includes(subject))).toEqual([]);
  });

  it('counts an order that expired unplaced at its expiry, for no centre', () => {
    const projected = projectEvent['programme.expired_unplaced.v1'](
      envelope('programme.expired_unplaced.v1', {
        orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b',
        expiresAt: '2026-12-30T03:00:00.000Z',
        expiredAt: '2026-12-30T03:00:05.000Z',
        reasons: ['no centre within reach'],
      }),
    );
    expect(projected.fact).toMatchObject({ kind: 'programme_expired_unplaced', centreId: null, occurredAt: new Date('2026-12-30T03:00:05.000Z') });
  });

  it('counts an extension without moving the registered period', () => {
    const projected = projectEvent['order.extended.v1'](
      envelope('order.extended.v1', { orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b', previousExpiresAt: '2026-12-30T03:00:00.000Z', expiresAt: '2027-01-20T03:00:00.000Z' }),
    );
    expect(projected).toEqual({ order: { orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b' }, fact: expect.objectContaining({ kind: 'order_extended' }) });
  });

  it('puts an order registered before police units under the unit it gets later, counting nothing new', () => {
    const projected = projectEvent['order.unit_assigned.v1'](
      envelope('order.unit_assigned.v1', { orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b', orderNumber: 'TPO-2026-17', unitCode: 'naryn-riib' }),
    );
    expect(projected).toEqual({ order: { orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b', unit: 'naryn-riib' }, fact: null });
  });

  it('counts an unroutable referral by its reason codes, and one from before the codes without a reason', () => {
    const unroutable = (extra: object) =>
      projectEvent['referral.unroutable.v1'](
        envelope('referral.unroutable.v1', {
          referralId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
          orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b',
          referralNumber: 'R-2026-000123',
          priority: 'high',
          reasons: ['no programme within reach of Kazarman', 'naryn-meerman: no open road to the centre on 2027-01-10'],
          ...extra,
        }),
      ).fact;
    expect(unroutable({ reasonCodes: ['no_programme_within_reach', 'road_closed'] })).toMatchObject({ kind: 'referral_unroutable', reason: 'no_programme_within_reach,road_closed' });
    expect(unroutable({})).toMatchObject({ kind: 'referral_unroutable', reason: null });
  });

  it('counts each group session an acceptance booked a place in, under a key a redelivery repeats', () => {
    const accepted = (eventId: string) =>
      projectEvent['referral.accepted.v1']({
        ...envelope('referral.accepted.v1', {
          referralId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
          orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b',
          referralNumber: 'R-2026-000123',
          centreId: 'naryn-meerman',
          firstSessionAt: '2026-12-03T03:00:00.000Z',
          groupSessions: [
            { sessionId: '11111111-2222-4333-8444-555555555555', participants: 3 },
            { sessionId: '66666666-7777-4888-9999-000000000000', participants: 1 },
          ],
        }),
        eventId,
      });
    const once = accepted('7b0a4c1e-2f7d-4c55-9a39-1d0c6a3f9e10');
    expect(once.fact).toMatchObject({ kind: 'referral_accepted' });
    expect(once.groupPlaces).toEqual([
      expect.objectContaining({ kind: 'group_place', centreId: 'naryn-meerman', sessionId: '11111111-2222-4333-8444-555555555555', participants: 3 }),
      expect.objectContaining({ kind: 'group_place', sessionId: '66666666-7777-4888-9999-000000000000', participants: 1 }),
    ]);
    const keys = once.groupPlaces!.map((place) => place.eventId);
    expect(new Set([...keys, once.fact!.eventId]).size).toBe(3);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(accepted('7b0a4c1e-2f7d-4c55-9a39-1d0c6a3f9e10').groupPlaces!.map((place) => place.eventId)).toEqual(keys);
    expect(accepted('8c1b5d2f-3a8e-4d66-8b4a-2e1d7b4a0f21').groupPlaces!.map((place) => place.eventId)).not.toEqual(keys);
  });

  describe('small group meetings', () => {
    const member = {
      referralId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
      orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b',
      referralNumber: 'R-2026-000123',
      centreId: 'naryn-meerman',
      sessionIndex: 3,
      participants: 2,
      minParticipants: 3,
      decidedAt: '2026-12-14T03:00:00.000Z',
    };
    const emptied = '11111111-2222-4333-8444-555555555555';
    const joined = '66666666-7777-4888-9999-000000000000';

    it('counts a merge under the meeting merged away, for its centre, when it was decided', () => {
      const moved = projectEvent['referral.group_session_moved.v1'](
        envelope('referral.group_session_moved.v1', {
          ...member,
          fromBookedSessionId: emptied,
          previousStartsAt: '2026-12-16T08:00:00.000Z',
          bookedSessionId: joined,
          startsAt: '2026-12-17T08:00:00.000Z',
          endsAt: '2026-12-17T12:00:00.000Z',
          facilitatorIds: ['naryn-meerman-1', 'naryn-meerman-2'],
        }),
      );
      expect(moved).toEqual({
        order: { orderId: member.orderId },
        fact: {
          eventId: '7b0a4c1e-2f7d-4c55-9a39-1d0c6a3f9e10',
          orderId: member.orderId,
          kind: 'group_meeting_merged',
          reason: null,
          centreId: 'naryn-meerman',
          occurredAt: new Date(member.decidedAt),
          sessionId: emptied,
          participants: 2,
        },
      });
    });

    it('counts a meeting that runs small under that meeting', () => {
      const runs = projectEvent['referral.group_session_runs_small.v1'](
        envelope('referral.group_session_runs_small.v1', { ...member, bookedSessionId: joined, startsAt: '2026-12-17T08:00:00.000Z' }),
      );
      expect(runs.fact).toMatchObject({ kind: 'group_meeting_ran_small', centreId: 'naryn-meerman', sessionId: joined, participants: 2 });
    });
  });

  const programme = {
    programmeId: '5c2e8f7a-1b3d-4e6f-9a0b-7c8d9e0f1a2b',
    orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b',
    referralId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
    referralNumber: 'KG-2026-000123',
    centreId: 'naryn-meerman',
  };

  it('counts the voluntary component for the centre that runs it, the track as its breakdown', () => {
    const enrolled = projectEvent['programme.voluntary_enrolled.v1'](
      envelope('programme.voluntary_enrolled.v1', {
        ...programme,
        track: 'men',
        individualSessions: 2,
        groupSessions: 24,
        enrolledAt: '2026-12-02T09:00:00.000Z',
        plannedEnd: '2027-06-02T09:00:00.000Z',
      }),
    );
    expect(enrolled.fact).toMatchObject({ kind: 'voluntary_enrolled', reason: 'men', centreId: 'naryn-meerman', occurredAt: new Date('2026-12-02T09:00:00.000Z') });
    const left = projectEvent['programme.voluntary_left.v1'](envelope('programme.voluntary_left.v1', { ...programme, sessionNumber: 5, leftAt: '2027-01-10T09:00:00.000Z' }));
    expect(left.fact).toMatchObject({ kind: 'voluntary_left', reason: null, centreId: 'naryn-meerman' });
    const completed = projectEvent['programme.voluntary_completed.v1'](envelope('programme.voluntary_completed.v1', { ...programme, completedAt: '2027-06-01T09:00:00.000Z' }));
    expect(completed.fact).toMatchObject({ kind: 'voluntary_completed', occurredAt: new Date('2027-06-01T09:00:00.000Z') });
  });

  it('counts a monitoring meeting falling due unrecorded, and its record as held or missed', () => {
    const due = projectEvent['programme.follow_up_due.v1'](
      envelope('programme.follow_up_due.v1', { ...programme, meetingNumber: 2, monthsAfterCompletion: 6, dueAt: '2027-06-01T09:00:00.000Z' }),
    );
    expect(due.fact).toMatchObject({ kind: 'follow_up_due', centreId: 'naryn-meerman', occurredAt: new Date('2027-06-01T09:00:00.000Z') });
    const held = projectEvent['programme.follow_up_recorded.v1'](
      envelope('programme.follow_up_recorded.v1', { ...programme, meetingNumber: 2, outcome: 'held', recordedAt: '2027-06-03T09:00:00.000Z' }),
    );
    expect(held.fact).toMatchObject({ kind: 'follow_up_recorded', reason: 'held', centreId: 'naryn-meerman' });
  });
  describe('facilitator utilisation', () => {
    const facts = { programmeId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d', orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b', referralId: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f', referralNumber: 'R-2026-000001', centreId: 'naryn-asylzat' };
    const group = '1e2d3c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b';

    it('holds each session of a started programme, a group session under its booked id and an older one under its own', () => {
      const projected = projectEvent['programme.started.v1'](
        envelope('programme.started.v1', {
          ...facts,
          track: 'men',
          language: 'ky',
          expiresAt: '2027-01-30T03:00:00.000Z',
          sessions: [
            { index: 1, kind: 'individual', startsAt: '2026-12-07T03:00:00.000Z', endsAt: '2026-12-07T07:00:00.000Z' },
            { index: 3, kind: 'group', startsAt: '2026-12-21T03:00:00.000Z', endsAt: '2026-12-21T07:00:00.000Z', bookedSessionId: group },
          ],
        }),
      );
      expect(projected.fact).toMatchObject({ kind: 'programme_started' });
      expect(projected.holds!.map((h) => [h.sessionIndex, h.sessionKey, h.asOf.toISOString()])).toEqual([
        [1, `${facts.programmeId}/1`, '2026-12-01T08:00:00.000Z'],
        [3, group, '2026-12-01T08:00:00.000Z'],
      ]);
    });

    it('moves the hold of a session whose small group was merged to the meeting it joined, as for an excused one', () => {
      const rescheduled = (cause: object) =>
        projectEvent['programme.sessions_rescheduled.v1'](
          envelope('programme.sessions_rescheduled.v1', {
            ...facts,
            ...cause,
            sessions: [{ index: 3, kind: 'group', startsAt: '2026-12-22T03:00:00.000Z', endsAt: '2026-12-22T07:00:00.000Z', bookedSessionId: group }],
            expiresAt: '2027-01-30T03:00:00.000Z',
          }),
        );
      for (const cause of [{ cause: 'group_merge' }, { cause: 'excused', excusedIndex: 3 }, { excusedIndex: 3 }]) {
        expect(rescheduled(cause)).toEqual({
          order: { orderId: facts.orderId },
          fact: null,
          holds: [expect.objectContaining({ sessionIndex: 3, sessionKey: group, startsAt: new Date('2026-12-22T03:00:00.000Z') })],
        });
      }
    });

    it('gives back a programme’s sessions from its end, and keeps a centre’s roster whole with its absences as instants', () => {
      const closed = projectEvent['programme.closed_by_decision.v1'](
        envelope('programme.closed_by_decision.v1', { ...facts, reason: 'in_custody', decidedBy: facts.referralId, decidedAt: '2026-12-10T05:00:00.000Z' }),
      );
      expect(closed.programmeEnd).toEqual({ programmeId: facts.programmeId, endedAt: new Date('2026-12-10T05:00:00.000Z') });
      const roster = projectEvent['directory.roster_changed.v1'](
        envelope('directory.roster_changed.v1', {
          centreId: 'naryn-asylzat',
          oblast: 'Naryn',
          open: true,
          effectiveFrom: '2026-12-01T08:00:00.000Z',
          facilitators: [{ sex: 'male', certifiedOn: '2025-01-01', weekly: [{ weekday: 1, start: '09:00', end: '13:00' }], absences: [{ from: '2026-12-24T18:00:00.000Z', to: '2026-12-25T18:00:00.000Z' }] }],
        }),
      );
      expect(roster.order).toBeNull();
      expect(roster.roster).toMatchObject({ centreId: 'naryn-asylzat', eventId: expect.any(String), effectiveFrom: new Date('2026-12-01T08:00:00.000Z') });
      expect(roster.roster!.facilitators[0].absences).toEqual([{ from: new Date('2026-12-24T18:00:00.000Z'), to: new Date('2026-12-25T18:00:00.000Z') }]);
    });
  });

  it("merges a batch's facts about one order as writing them one after another would", () => {
    const [a, b] = ['3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'];
    expect(
      mergeOrderFacts([
        { orderId: a, oblast: 'naryn', sex: 'male' },
        { orderId: b, unit: 'osh-uvd' },
        { orderId: a, riskBin: '3', priority: 'high', riskVersion: 2 },
        { orderId: a, sex: null, language: 'ky', unit: undefined },
        // An older assessment arriving later, and one of the same version: neither replaces the newest.
        { orderId: a, riskBin: '0', priority: 'standard', riskVersion: 1 },
        { orderId: a, riskBin: '7-13', priority: 'urgent', riskVersion: 2 },
        { orderId: b, riskBin: '4', priority: 'high', riskVersion: 1, oblast: 'osh' },
      ]),
    ).toEqual([
      { orderId: a, oblast: 'naryn', sex: 'male', language: 'ky', riskBin: '3', priority: 'high', riskVersion: 2 },
      { orderId: b, unit: 'osh-uvd', oblast: 'osh', riskBin: '4', priority: 'high', riskVersion: 1 },
    ]);
  });
});
