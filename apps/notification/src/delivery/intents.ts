import {
  AlertUnacknowledgedV1,
  EventEnvelope,
  ProgrammeAlertV1,
  ProgrammeFollowUpDueV1,
  ProgrammeRefusalReportedV1,
  ProgrammeTreatmentRecheckDueV1,
  RiskAssessedV1,
  ReferralCancelledV1,
  ReferralDecisionReminderDueV1,
  ReferralEscalatedV1,
  ProgrammeSessionsRescheduledV1,
  ReferralExpiredV1,
  ReferralGroupSessionMovedV1,
  ReferralGroupSessionRunsSmallV1,
  ReferralReroutedV1,
  ReferralWithdrawnFromCentreV1,
  ReferralRoutedV1,
  ReferralUnroutableV1,
  RoutingPriority,
  RecipientKind,
} from '@korgoo/contracts';
import { MessageFacts, MessageKind } from '../templates/message-templates';

/** One recipient to tell about one event: the unit that is delivered exactly once per channel. */
export interface IntentSpec {
  sourceEventId: string;
  orderId: string;
  /** Null for an alert that precedes any referral (immediate danger). */
  referralId: string | null;
  recipientKind: RecipientKind;
  centreId: string | null;
  /** The police unit told, for a recipient of kind `police_unit`. */
  unitCode: string | null;
  kind: MessageKind;
  /** Null when the event does not carry it; the referral's earlier notifications then tell it. */
  priority: RoutingPriority | null;
  facts: MessageFacts;
  /** The centre a message to coordinators is about. */
  aboutCentreId: string | null;
}

function base(envelope: EventEnvelope<{ referralId: string; orderId: string; referralNumber: string }>) {
  return {
    sourceEventId: envelope.eventId,
    orderId: envelope.payload.orderId,
    referralId: envelope.payload.referralId,
    unitCode: null,
  };
}

/**
 * What the notification service keeps of a registered order: its number and the unit that issued it, none
 * for an order registered before police units until it is given one.
 */
export interface OrderReference {
  orderNumber: string;
  unitCode: string | null;
}

/**
 * Where an Article 72 notice goes: to the unit that issued the order; when no unit is known (an order
 * registered before police units, or one never seen here), to the coordinators, who find the unit, and the
 * notice waits until the order has one.
 */
export function refusalNoticeRoute(
  envelope: EventEnvelope<ProgrammeRefusalReportedV1>,
  order: OrderReference | null,
): { awaitsUnit: boolean; intent: IntentSpec } {
  if (order?.unitCode) return { awaitsUnit: false, intent: refusalNoticeIntent(envelope, { ...order, unitCode: order.unitCode }) };
  const facts: MessageFacts = { referralNumber: envelope.payload.referralNumber, ...(order ? { orderNumber: order.orderNumber } : {}) };
  return { awaitsUnit: true, intent: coordinators(envelope, 'police_unit_unreachable', 'urgent', facts) };
}

/**
 * The Article 72 notice goes to the police unit that issued the order, naming the order by its number, the
 * centre, and the sessions offered and missed with their dates; never the person.
 */
export function refusalNoticeIntent(
  envelope: EventEnvelope<ProgrammeRefusalReportedV1>,
  order: OrderReference & { unitCode: string },
): IntentSpec {
  const { payload } = envelope;
  return {
    ...base(envelope),
    recipientKind: 'police_unit',
    centreId: null,
    unitCode: order.unitCode,
    kind: 'article72_notice',
    priority: null,
    facts: {
      referralNumber: payload.referralNumber,
      orderNumber: order.orderNumber,
      refusal: {
        ground: payload.ground,
        refusalPolicy: payload.refusalPolicy,
        sessionsOffered: payload.sessionsOffered,
        missed: payload.missed.map(({ index, startsAt, mark }) => ({ index, startsAt, mark })),
        expiresAt: payload.expiresAt,
        reportedAt: payload.reportedAt,
      },
    },
    aboutCentreId: payload.centreId,
  };
}

/**
 * Immediate danger goes to the coordinators and the duty hotline at once, apart from routing: the order's
 * number and the settlement, nothing about the people.
 */
export function immediateDangerIntents(envelope: EventEnvelope<RiskAssessedV1>, order: OrderReference): IntentSpec[] {
  const facts: MessageFacts = { orderNumber: order.orderNumber, settlementCode: envelope.payload.participant.location.settlementCode };
  const alert = {
    sourceEventId: envelope.eventId,
    orderId: envelope.payload.orderId,
    referralId: null,
    centreId: null,
    unitCode: null,
    kind: 'immediate_danger' as const,
    priority: 'urgent' as const,
    facts,
    aboutCentreId: null,
  };
  return [
    { ...alert, recipientKind: 'coordinators' },
    { ...alert, recipientKind: 'duty_hotline' },
  ];
}

const ALERT_KINDS: Record<ProgrammeAlertV1['kind'], MessageKind> = {
  attendance_missing: 'programme_attendance_missing',
  cannot_complete_before_expiry: 'programme_cannot_complete',
  reschedule_needed: 'programme_reschedule_needed',
};

/** A programme timer ran out: the centre running it or the coordinators, as the alert's audience says. */
export function programmeAlertIntent(envelope: EventEnvelope<ProgrammeAlertV1>): IntentSpec {
  const { payload } = envelope;
  const facts: MessageFacts = {
    referralNumber: payload.referralNumber,
    sessionIndex: payload.sessionIndex,
    daysBeforeExpiry: payload.daysBeforeExpiry,
    expiresAt: payload.expiresAt,
  };
  const kind = ALERT_KINDS[payload.kind];
  if (payload.audience === 'centre') {
    return centre(envelope, payload.centreId, kind, facts);
  }
  return { ...coordinators(envelope, kind, null, facts), aboutCentreId: payload.centreId };
}

/** A monitoring meeting after completion fell due with nothing recorded: the centre that ran the programme is reminded. */
export function followUpDueIntent(envelope: EventEnvelope<ProgrammeFollowUpDueV1>): IntentSpec {
  const { payload } = envelope;
  const facts: MessageFacts = {
    referralNumber: payload.referralNumber,
    meetingNumber: payload.meetingNumber,
    monthsAfterCompletion: payload.monthsAfterCompletion,
    dueAt: payload.dueAt,
  };
  return centre(envelope, payload.centreId, 'programme_follow_up_due', facts);
}

/** A programme closed for treatment first reached its re-check day: the coordinators look at the person again. */
export function treatmentRecheckIntent(envelope: EventEnvelope<ProgrammeTreatmentRecheckDueV1>): IntentSpec {
  const { payload } = envelope;
  const facts: MessageFacts = { referralNumber: payload.referralNumber, recheckOn: payload.recheckOn };
  return { ...coordinators(envelope, 'programme_treatment_recheck', null, facts), aboutCentreId: payload.centreId };
}

/**
 * What became of a small group meeting, told to the centre per referral: the session's new date and time and
 * the one it replaces, or that it runs below its minimum and with how many. The centre holds the referral
 * already, so nothing more is said.
 */
export function groupSessionIntent(envelope: EventEnvelope<ReferralGroupSessionMovedV1 | ReferralGroupSessionRunsSmallV1>): IntentSpec {
  const { payload } = envelope;
  const facts: MessageFacts = { referralNumber: payload.referralNumber, sessionIndex: payload.sessionIndex, sessionStartsAt: payload.startsAt };
  if ('previousStartsAt' in payload) {
    return centre(envelope, payload.centreId, 'group_session_moved', { ...facts, previousStartsAt: payload.previousStartsAt });
  }
  return centre(envelope, payload.centreId, 'group_session_runs_small', { ...facts, participants: payload.participants });
}

/**
 * Sessions a facilitator's absence moved: the centre hears from which session on and when the first of them now
 * meets, to tell the participant. An excused absence the centre recorded itself, and a merge it hears of from
 * matching, need no word here.
 */
export function replannedIntents(envelope: EventEnvelope<ProgrammeSessionsRescheduledV1>): IntentSpec[] {
  const { payload } = envelope;
  if (payload.cause !== 'facilitator_away') return [];
  const [first] = [...payload.sessions].sort((a, b) => a.index - b.index);
  return [centre(envelope, payload.centreId, 'sessions_replanned', { referralNumber: payload.referralNumber, sessionIndex: first.index, sessionStartsAt: first.startsAt })];
}

/** A new proposal goes to its centre, whether routed first or handed on after a decline or a missed deadline. */
export function routedIntent(envelope: EventEnvelope<ReferralRoutedV1 | ReferralReroutedV1>): IntentSpec {
  const { payload } = envelope;
  return {
    ...base(envelope),
    recipientKind: 'centre',
    centreId: payload.centreId,
    kind: 'referral_routed',
    priority: payload.priority,
    facts: {
      referralNumber: payload.referralNumber,
      priority: payload.priority,
      acknowledgeBy: payload.acknowledgeBy,
      firstSessionAt: payload.firstSessionAt,
      ...(payload.outreachSettlementCode ? { outreachSettlementCode: payload.outreachSettlementCode } : {}),
    },
    aboutCentreId: null,
  };
}

export function unroutableIntent(envelope: EventEnvelope<ReferralUnroutableV1>): IntentSpec {
  const { payload } = envelope;
  return coordinators(envelope, 'referral_unroutable', payload.priority, { referralNumber: payload.referralNumber, priority: payload.priority });
}

export function escalatedIntent(envelope: EventEnvelope<ReferralEscalatedV1>): IntentSpec {
  const { payload } = envelope;
  return coordinators(envelope, 'referral_escalated', payload.priority, { referralNumber: payload.referralNumber, priority: payload.priority });
}

/** An escalated or unroutable referral has waited a whole period: the coordinators are reminded, each time anew. */
export function decisionReminderIntent(envelope: EventEnvelope<ReferralDecisionReminderDueV1>): IntentSpec {
  const { payload } = envelope;
  return coordinators(envelope, 'referral_decision_reminder', payload.priority, {
    referralNumber: payload.referralNumber,
    priority: payload.priority,
  });
}

/** A missed deadline is a reminder for the coordinators: matching hands the referral on, they watch it. */
export function expiredIntent(envelope: EventEnvelope<ReferralExpiredV1>): IntentSpec {
  const { payload } = envelope;
  return {
    ...coordinators(envelope, 'referral_expired', null, {
      referralNumber: payload.referralNumber,
      acknowledgeBy: payload.acknowledgeBy,
    }),
    aboutCentreId: payload.centreId,
  };
}

/** The centre the referral was proposed to no longer holds it: matching took it back, as it cannot run its sessions. */
export function withdrawnIntent(envelope: EventEnvelope<ReferralWithdrawnFromCentreV1>): IntentSpec {
  const { payload } = envelope;
  return centre(envelope, payload.centreId, 'referral_withdrawn', { referralNumber: payload.referralNumber, withdrawalReason: payload.reason });
}

/** A missed deadline takes the referral from its centre too: the centre hears it, so it does not act on it later. */
export function expiredWithdrawalIntent(envelope: EventEnvelope<ReferralExpiredV1>): IntentSpec {
  const { payload } = envelope;
  return centre(envelope, payload.centreId, 'referral_withdrawn', { referralNumber: payload.referralNumber, withdrawalReason: 'deadline_passed' });
}

/** The centre holding the referral stops planning it; one never placed was the coordinators' to watch. */
export function cancelledIntent(envelope: EventEnvelope<ReferralCancelledV1>): IntentSpec {
  const { payload } = envelope;
  const facts = { referralNumber: payload.referralNumber };
  if (!payload.centreId) return coordinators(envelope, 'referral_cancelled', null, facts);
  return centre(envelope, payload.centreId, 'referral_cancelled', facts);
}

/** A delivery that reached no channel of its recipient; the coordinators hear which one and about what. */
export type UnreachedDelivery = Pick<IntentSpec, 'sourceEventId' | 'orderId' | 'referralId' | 'recipientKind' | 'centreId' | 'unitCode' | 'facts'>;

/**
 * When every channel of a centre or a police unit failed, the coordinators are told, with the same
 * guarantees; the coordinators themselves have no one further to fall back on.
 */
export function unreachableNotice(unreached: UnreachedDelivery): IntentSpec | null {
  const about = {
    sourceEventId: unreached.sourceEventId,
    orderId: unreached.orderId,
    referralId: unreached.referralId,
    recipientKind: 'coordinators' as const,
    centreId: null,
    unitCode: null,
    priority: unreached.facts.priority ?? null,
  };
  const { referralNumber } = unreached.facts;
  if (unreached.recipientKind === 'centre' && unreached.centreId) {
    return { ...about, kind: 'centre_unreachable', facts: { referralNumber }, aboutCentreId: unreached.centreId };
  }
  if (unreached.recipientKind === 'police_unit' && unreached.unitCode) {
    const facts = { referralNumber, orderNumber: unreached.facts.orderNumber, unitName: unreached.unitCode };
    return { ...about, kind: 'police_unit_unreachable', facts, aboutCentreId: null };
  }
  return null;
}

function coordinators(
  envelope: EventEnvelope<{ referralId: string; orderId: string; referralNumber: string }>,
  kind: MessageKind,
  priority: RoutingPriority | null,
  facts: MessageFacts,
): IntentSpec {
  return { ...base(envelope), recipientKind: 'coordinators', centreId: null, kind, priority, facts, aboutCentreId: null };
}

/**
 * An alert nobody acknowledged is told again to everyone it was told, as a new delivery of this event; when
 * an Article 72 notice goes unacknowledged the coordinators are asked to chase the unit as well.
 */
export function repeatedAlertIntents(envelope: EventEnvelope<AlertUnacknowledgedV1>, told: IntentSpec[]): IntentSpec[] {
  const again = told.map((spec) => ({ ...spec, sourceEventId: envelope.eventId }));
  if (envelope.payload.alert !== 'article72_notice') return again;
  const notice = told.find((spec) => spec.recipientKind === 'police_unit');
  if (!notice) return again;
  const facts: MessageFacts = { referralNumber: notice.facts.referralNumber, orderNumber: notice.facts.orderNumber, unitName: notice.unitCode ?? undefined };
  const chase: IntentSpec = {
    sourceEventId: envelope.eventId,
    orderId: notice.orderId,
    referralId: notice.referralId,
    recipientKind: 'coordinators',
    centreId: null,
    unitCode: null,
    kind: 'article72_unacknowledged',
    priority: 'urgent',
    facts,
    aboutCentreId: null,
  };
  return [...again, chase];
}

/** The centre running the programme (or holding the referral), with no priority of its own. */
function centre(
  envelope: EventEnvelope<{ referralId: string; orderId: string; referralNumber: string }>,
  centreId: string,
  kind: MessageKind,
  facts: MessageFacts,
): IntentSpec {
  return { ...base(envelope), recipientKind: 'centre', centreId, kind, priority: null, facts, aboutCentreId: null };
}
