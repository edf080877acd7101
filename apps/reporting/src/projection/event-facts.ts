import { createHash } from 'node:crypto';
import { EventEnvelope, EventPayload, EventSubjects } from '@korgoo/contracts';
import { oblastOfSettlement, riskBinOf } from '../indicators/dimensions';
import { CaseFact, FactKind, OrderCase } from '../indicators/order-case';
import { PairSessionHold, RosterSnapshot } from '../indicators/utilisation';

/** A programme's hold on one booked session, newer (`asOf`) holds of the same session index replacing older. */
export interface ProjectedHold extends PairSessionHold {
  sessionIndex: number;
  asOf: Date;
}

/**
 * What one event adds to the read model: facts about its order's dimensions, and at most one counted fact;
 * for facilitator utilisation, a centre's roster, a programme's booked sessions or its end.
 */
export type OrderFacts = Partial<OrderCase> & { orderId: string; riskVersion?: number };

export interface Projected {
  order: OrderFacts | null;
  fact: CaseFact | null;
  /** An acceptance's places in group sessions, one fact each. */
  groupPlaces?: CaseFact[];
  roster?: RosterSnapshot & { eventId: string };
  holds?: ProjectedHold[];
  programmeEnd?: { programmeId: string; endedAt: Date };
}

/**
 * The facts several events tell about each of their orders, as one row per order: what writing them one after
 * another would leave. A later known value replaces an earlier one, an unknown one blanks nothing, and the risk
 * is the newest assessment version's (the first of equal versions).
 */
export function mergeOrderFacts(facts: OrderFacts[]): OrderFacts[] {
  const merged = new Map<string, OrderFacts>();
  for (const { riskBin, priority, riskVersion, ...known } of facts) {
    const row = merged.get(known.orderId) ?? { orderId: known.orderId };
    for (const [field, value] of Object.entries(known)) if (value !== undefined && value !== null) Object.assign(row, { [field]: value });
    if (riskVersion !== undefined && riskVersion > (row.riskVersion ?? 0)) Object.assign(row, { riskBin, priority, riskVersion });
    merged.set(known.orderId, row);
  }
  return [...merged.values()];
}

/** A stable fact id for one of several things an event tells, so a redelivery lands on the same key. */
function derivedFactId(eventId: string, part: string): string {
  const hex = createHash('sha256').update(`${eventId}/${part}`).digest('hex');
  // Shaped as a uuid for the fact key's column; Postgres checks the shape, not a version.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

type Participant = EventPayload<typeof EventSubjects.OrderRegistered>['participant'];
type Period = EventPayload<typeof EventSubjects.OrderRegistered>['period'];

function orderFacts(orderId: string, period: Period, participant: Participant): OrderFacts {
  return {
    orderId,
    issuedAt: new Date(period.issuedAt),
    expiresAt: new Date(period.expiresAt),
    oblast: oblastOfSettlement(participant.location.settlementCode),
    sex: participant.sex,
    language: participant.language,
  };
}

function factOf(
  envelope: EventEnvelope<{ orderId: string }>,
  kind: FactKind,
  extra: { reason?: string | null; centreId?: string | null; occurredAt?: string } = {},
): CaseFact {
  return {
    eventId: envelope.eventId,
    orderId: envelope.payload.orderId,
    kind,
    reason: extra.reason ?? null,
    centreId: extra.centreId ?? null,
    occurredAt: new Date(extra.occurredAt ?? envelope.occurredAt),
  };
}

/** A programme event: counted for the centre that runs the programme. */
const programmeFact = (
  envelope: EventEnvelope<{ orderId: string; centreId: string }>,
  kind: FactKind,
  extra: { reason?: string; occurredAt?: string } = {},
): Projected => ({
  order: { orderId: envelope.payload.orderId },
  fact: factOf(envelope, kind, { ...extra, centreId: envelope.payload.centreId }),
});

type Envelope<S extends keyof typeof subjects> = EventEnvelope<EventPayload<(typeof subjects)[S]>>;
const subjects = EventSubjects;

type SessionPlan = EventPayload<typeof EventSubjects.ProgrammeStarted>['sessions'][number];

/** Each session as a hold on its booked pair-session; an event from before sessions were named holds its own. */
function holdsOf(e: EventEnvelope<{ programmeId: string; centreId: string; sessions: SessionPlan[] }>): ProjectedHold[] {
  return e.payload.sessions.map((s) => ({
    programmeId: e.payload.programmeId,
    centreId: e.payload.centreId,
    sessionIndex: s.index,
    sessionKey: s.bookedSessionId ?? `${e.payload.programmeId}/${s.index}`,
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
    asOf: new Date(e.occurredAt),
  }));
}

type GroupMeetingDecided = { orderId: string; centreId: string; participants: number; decidedAt: string };

/** What became of a small group meeting, told per member: counted for the centre, as of when it was decided. */
function groupMeetingFact(e: EventEnvelope<GroupMeetingDecided>, kind: FactKind, meetingId: string): Projected {
  return {
    order: { orderId: e.payload.orderId },
    fact: {
      ...factOf(e, kind, { centreId: e.payload.centreId, occurredAt: e.payload.decidedAt }),
      sessionId: meetingId,
      participants: e.payload.participants,
    },
  };
}

/** A programme that ended early: the sessions from then on went back to the centre. */
const ended = (programmeId: string, at: string) => ({ programmeEnd: { programmeId, endedAt: new Date(at) } });

/** One function per subject reporting consumes; each reads only codes, instants and ids. */
export const projectEvent = {
  [EventSubjects.OrderRegistered]: (e: Envelope<'OrderRegistered'>): Projected => ({
    order: {
      ...orderFacts(e.payload.orderId, e.payload.period, e.payload.participant),
      unit: e.payload.unitCode ?? null,
      personRef: e.payload.personRef ?? null,
    },
    fact: factOf(e, 'order_registered'),
  }),
  // An order registered before police units gets its unit later: counted under it from then on.
  [EventSubjects.OrderUnitAssigned]: (e: Envelope<'OrderUnitAssigned'>): Projected => ({
    order: { orderId: e.payload.orderId, unit: e.payload.unitCode },
    fact: null,
  }),
  [EventSubjects.OrderWithdrawn]: (e: Envelope<'OrderWithdrawn'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'order_withdrawn', { reason: e.payload.reason }),
  }),
  [EventSubjects.RiskAssessed]: (e: Envelope<'RiskAssessed'>): Projected => ({
    order: {
      ...orderFacts(e.payload.orderId, e.payload.period, e.payload.participant),
      riskBin: riskBinOf(e.payload.finalScore),
      priority: e.payload.priority,
      riskVersion: e.payload.assessmentVersion,
    },
    fact: e.payload.immediateDanger ? factOf(e, 'immediate_danger') : null,
  }),
  [EventSubjects.RiskReassessed]: (e: Envelope<'RiskReassessed'>): Projected => ({
    order: { orderId: e.payload.orderId, riskBin: riskBinOf(e.payload.finalScore), priority: e.payload.priority, riskVersion: e.payload.assessmentVersion },
    fact: null,
  }),
  [EventSubjects.ReferralRouted]: (e: Envelope<'ReferralRouted'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'referral_routed', { centreId: e.payload.centreId }),
  }),
  [EventSubjects.ReferralRerouted]: (e: Envelope<'ReferralRerouted'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'referral_rerouted', { centreId: e.payload.centreId }),
  }),
  [EventSubjects.ReferralAccepted]: (e: Envelope<'ReferralAccepted'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'referral_accepted', { centreId: e.payload.centreId }),
    groupPlaces: (e.payload.groupSessions ?? []).map((place) => ({
      ...factOf(e, 'group_place', { centreId: e.payload.centreId }),
      eventId: derivedFactId(e.eventId, place.sessionId),
      sessionId: place.sessionId,
      participants: place.participants,
    })),
  }),
  [EventSubjects.ReferralDeclined]: (e: Envelope<'ReferralDeclined'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'referral_declined', { centreId: e.payload.centreId, reason: e.payload.reason }),
  }),
  [EventSubjects.ReferralExpired]: (e: Envelope<'ReferralExpired'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'referral_expired', { centreId: e.payload.centreId }),
  }),
  [EventSubjects.ReferralWithdrawnFromCentre]: (e: Envelope<'ReferralWithdrawnFromCentre'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'referral_withdrawn', { centreId: e.payload.centreId, reason: e.payload.reason }),
  }),
  [EventSubjects.ReferralEscalated]: (e: Envelope<'ReferralEscalated'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'referral_escalated'),
  }),
  [EventSubjects.ReferralUnroutable]: (e: Envelope<'ReferralUnroutable'>): Projected => ({
    order: { orderId: e.payload.orderId },
    // Routing sends its codes beside the prose since they were introduced; older events count without a reason.
    fact: factOf(e, 'referral_unroutable', { reason: e.payload.reasonCodes?.length ? e.payload.reasonCodes.join(',') : null }),
  }),
  [EventSubjects.ReferralDecisionReminderDue]: (e: Envelope<'ReferralDecisionReminderDue'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'referral_decision_reminder'),
  }),
  [EventSubjects.ReferralCancelled]: (e: Envelope<'ReferralCancelled'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'referral_cancelled', { centreId: e.payload.centreId ?? null }),
  }),
  // One event per member: the meeting is the fact's session, so a meeting counts once however many moved.
  [EventSubjects.ReferralGroupSessionMoved]: (e: Envelope<'ReferralGroupSessionMoved'>) =>
    groupMeetingFact(e, 'group_meeting_merged', e.payload.fromBookedSessionId),
  [EventSubjects.ReferralGroupSessionRunsSmall]: (e: Envelope<'ReferralGroupSessionRunsSmall'>) =>
    groupMeetingFact(e, 'group_meeting_ran_small', e.payload.bookedSessionId),
  [EventSubjects.ProgrammeStarted]: (e: Envelope<'ProgrammeStarted'>): Projected => ({
    ...programmeFact(e, 'programme_started', { reason: e.payload.track }),
    holds: holdsOf(e),
  }),
  [EventSubjects.ProgrammeSessionsRescheduled]: (e: Envelope<'ProgrammeSessionsRescheduled'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: null,
    holds: holdsOf(e),
  }),
  // Only attendance is counted; the time to first session is taken from when that session began.
  [EventSubjects.ProgrammeSessionRecorded]: (e: Envelope<'ProgrammeSessionRecorded'>): Projected =>
    e.payload.mark === 'attended'
      ? programmeFact(e, 'session_attended', { occurredAt: e.payload.sessionStartsAt })
      : { order: { orderId: e.payload.orderId }, fact: null },
  [EventSubjects.ProgrammeCompleted]: (e: Envelope<'ProgrammeCompleted'>) => programmeFact(e, 'programme_completed', { occurredAt: e.payload.completedAt }),
  [EventSubjects.ProgrammeRefusalReported]: (e: Envelope<'ProgrammeRefusalReported'>): Projected => ({
    ...programmeFact(e, 'programme_refused', { reason: e.payload.ground, occurredAt: e.payload.reportedAt }),
    ...ended(e.payload.programmeId, e.payload.reportedAt),
  }),
  [EventSubjects.ProgrammeClosedByDecision]: (e: Envelope<'ProgrammeClosedByDecision'>): Projected => ({
    ...programmeFact(e, 'programme_closed', { reason: e.payload.reason, occurredAt: e.payload.decidedAt }),
    ...ended(e.payload.programmeId, e.payload.decidedAt),
  }),
  [EventSubjects.ProgrammeCancelled]: (e: Envelope<'ProgrammeCancelled'>): Projected => ({
    ...programmeFact(e, 'programme_cancelled', { occurredAt: e.payload.cancelledAt }),
    ...ended(e.payload.programmeId, e.payload.cancelledAt),
  }),
  // The order keeps its registered period here: registration and extension arrive through separate
  // consumers in any order, so the extension is counted, not folded into the order's dates.
  [EventSubjects.OrderExtended]: (e: Envelope<'OrderExtended'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'order_extended'),
  }),
  [EventSubjects.ProgrammeExpiredUnplaced]: (e: Envelope<'ProgrammeExpiredUnplaced'>): Projected => ({
    order: { orderId: e.payload.orderId },
    fact: factOf(e, 'programme_expired_unplaced', { occurredAt: e.payload.expiredAt }),
  }),
  [EventSubjects.ProgrammeVoluntaryEnrolled]: (e: Envelope<'ProgrammeVoluntaryEnrolled'>) =>
    programmeFact(e, 'voluntary_enrolled', { reason: e.payload.track, occurredAt: e.payload.enrolledAt }),
  [EventSubjects.ProgrammeVoluntaryCompleted]: (e: Envelope<'ProgrammeVoluntaryCompleted'>) => programmeFact(e, 'voluntary_completed', { occurredAt: e.payload.completedAt }),
  [EventSubjects.ProgrammeVoluntaryLeft]: (e: Envelope<'ProgrammeVoluntaryLeft'>) => programmeFact(e, 'voluntary_left', { occurredAt: e.payload.leftAt }),
  // Sent once per monitoring meeting, when it fell due with nothing recorded: one reminded meeting each.
  [EventSubjects.ProgrammeFollowUpDue]: (e: Envelope<'ProgrammeFollowUpDue'>) => programmeFact(e, 'follow_up_due', { occurredAt: e.payload.dueAt }),
  [EventSubjects.ProgrammeFollowUpRecorded]: (e: Envelope<'ProgrammeFollowUpRecorded'>) =>
    programmeFact(e, 'follow_up_recorded', { reason: e.payload.outcome, occurredAt: e.payload.recordedAt }),
  // A centre's whole roster from when it took effect; it concerns no order.
  [EventSubjects.DirectoryRosterChanged]: (e: Envelope<'DirectoryRosterChanged'>): Projected => ({
    order: null,
    fact: null,
    roster: {
      eventId: e.eventId,
      centreId: e.payload.centreId,
      oblast: e.payload.oblast ?? null,
      open: e.payload.open,
      effectiveFrom: new Date(e.payload.effectiveFrom),
      facilitators: e.payload.facilitators.map((f) => ({
        ...f,
        absences: f.absences.map((a) => ({ from: new Date(a.from), to: new Date(a.to) })),
      })),
    },
  }),
};

export type ProjectedSubject = keyof typeof projectEvent;
