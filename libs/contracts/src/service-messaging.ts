import { EventSubject, EventSubjects as E, StreamName, streamOf } from './subjects';

/**
 * Who may say what on NATS: the one declarative map the NATS server's permissions are generated from
 * (`libs/messaging` renders them for deploy/ and docker-compose). Request/reply subjects name their owner
 * (`query.matching.…`, `command.notification.…`), so a service answers `query.<itself>.>` and
 * `command.<itself>.>` and asks only the owners listed here. A new service adds one entry.
 */
export interface ServiceMessaging {
  /** Event domains it publishes: `order` means `order.>` (its stream). */
  publishes: readonly string[];
  /** Events it has a durable consumer for. */
  consumes: readonly EventSubject[];
  /** Services whose queries and commands it sends; `dead-letters` is every service's dead-letter desk. */
  asks: readonly string[];
}

/**
 * The programme's final outcomes: each closes an order's case, from which the retention of what the gateway
 * and the notification service keep about it runs (a police withdrawal closes it too).
 */
export const CASE_CLOSING_OUTCOMES = [E.ProgrammeCompleted, E.ProgrammeRefusalReported, E.ProgrammeClosedByDecision, E.ProgrammeExpiredUnplaced] as const;

/**
 * A case that never reports an end (an outcome lost to an outage, say) counts as closed this many years after
 * the last thing known of it (the gateway: the order's expiry; the notification service: its last delivery
 * record): the longest the programme and its follow-up run, so nothing about it is kept for ever.
 */
export const UNREPORTED_CLOSURE_YEARS = 2;

export const SERVICE_MESSAGING = {
  gateway: {
    publishes: ['order'],
    consumes: [...CASE_CLOSING_OUTCOMES],
    asks: ['risk', 'matching', 'notification', 'programme', 'reporting', 'dead-letters'],
  },
  risk: { publishes: ['risk'], consumes: [E.OrderRegistered, E.OrderScreeningCorrected], asks: [] },
  matching: {
    publishes: ['referral', 'directory'],
    consumes: [E.OrderWithdrawn, E.OrderExtended, E.RiskAssessed, E.RiskReassessed, E.ProgrammeExpiredUnplaced],
    asks: [],
  },
  notification: {
    publishes: ['notification'],
    consumes: [
      E.ReferralRouted,
      E.ReferralUnroutable,
      E.ReferralAccepted,
      E.ReferralExpired,
      E.ReferralRerouted,
      // The centre hears that a referral proposed to it was taken back: it can no longer run its sessions.
      E.ReferralWithdrawnFromCentre,
      E.ReferralEscalated,
      E.ReferralCancelled,
      E.ReferralDecisionReminderDue,
      E.ReferralGroupSessionMoved,
      E.ReferralGroupSessionRunsSmall,
      // Sessions a facilitator's absence moved: the centre tells the participant the new times.
      E.ProgrammeSessionsRescheduled,
      E.OrderRegistered,
      E.RiskAssessed,
      E.RiskReassessed,
      E.ProgrammeAlert,
      E.ProgrammeFollowUpDue,
      E.ProgrammeTreatmentRecheckDue,
      // Its own: an unacknowledged alert is told again through the same exactly-once delivery.
      E.NotificationAlertUnacknowledged,
      // A closed case's delivery records are deleted once their retention term has run.
      ...CASE_CLOSING_OUTCOMES,
      E.OrderWithdrawn,
      // An order registered before police units learns its unit: a notice waiting for one goes to it.
      E.OrderUnitAssigned,
    ],
    asks: [],
  },
  programme: {
    publishes: ['programme'],
    consumes: [
      E.OrderRegistered,
      E.OrderWithdrawn,
      E.OrderExtended,
      E.ReferralAccepted,
      E.ReferralCancelled,
      E.ReferralDeclined,
      E.ReferralExpired,
      E.ReferralWithdrawnFromCentre,
      E.ReferralEscalated,
      E.ReferralUnroutable,
      // A small group merged into another: the session takes the new meeting's time.
      E.ReferralGroupSessionMoved,
      // A facilitator is away: a colleague takes the session, or it is re-planned.
      E.ReferralSessionFacilitatorChanged,
      E.ReferralSessionDisplaced,
    ],
    asks: ['matching'],
  },
  reporting: {
    publishes: [],
    consumes: [
      E.OrderRegistered,
      E.OrderUnitAssigned,
      E.OrderWithdrawn,
      E.RiskAssessed,
      E.RiskReassessed,
      E.ReferralRouted,
      E.ReferralRerouted,
      E.ReferralAccepted,
      E.ReferralDeclined,
      E.ReferralExpired,
      E.ReferralWithdrawnFromCentre,
      E.ReferralEscalated,
      E.ReferralUnroutable,
      E.ReferralDecisionReminderDue,
      E.ReferralCancelled,
      E.ReferralGroupSessionMoved,
      E.ReferralGroupSessionRunsSmall,
      E.OrderExtended,
      E.ProgrammeStarted,
      E.ProgrammeSessionRecorded,
      E.ProgrammeCompleted,
      E.ProgrammeRefusalReported,
      E.ProgrammeClosedByDecision,
      E.ProgrammeCancelled,
      E.ProgrammeExpiredUnplaced,
      E.ProgrammeVoluntaryEnrolled,
      E.ProgrammeVoluntaryCompleted,
      E.ProgrammeVoluntaryLeft,
      E.ProgrammeFollowUpDue,
      E.ProgrammeFollowUpRecorded,
      E.ProgrammeSessionsRescheduled,
      E.DirectoryRosterChanged,
    ],
    asks: [],
  },
} as const satisfies Record<string, ServiceMessaging>;

export type MessagingParticipant = keyof typeof SERVICE_MESSAGING;

/**
 * Streams kept without an age limit (the domain streams keep 30 days): each sources the domain streams of the
 * events one read model is built from, so that read model can be dropped and rebuilt from the start. Only its
 * reader may read one.
 */
export const HistoryStreams = {
  REPORTING_HISTORY: { reader: 'reporting', sources: sourcesOf(SERVICE_MESSAGING.reporting.consumes) },
} as const satisfies Record<string, { reader: MessagingParticipant; sources: readonly StreamName[] }>;
export type HistoryStreamName = keyof typeof HistoryStreams;

function sourcesOf(subjects: readonly EventSubject[]): StreamName[] {
  return [...new Set(subjects.map(streamOf))];
}
