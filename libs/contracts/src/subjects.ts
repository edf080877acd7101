/**
 * Every subject Korgoo speaks, versioned in its name. Subjects are logical: the messaging library prefixes
 * them with the deployment's namespace (`korgoo.order.registered.v1`) so test runs never meet.
 */
export const EventSubjects = {
  OrderRegistered: 'order.registered.v1',
  OrderScreeningCorrected: 'order.screening.corrected.v1',
  OrderWithdrawn: 'order.withdrawn.v1',
  OrderExtended: 'order.extended.v1',
  OrderCourtDecisionRecorded: 'order.court_decision_recorded.v1',
  OrderUnitAssigned: 'order.unit_assigned.v1',
  RiskAssessed: 'risk.assessed.v1',
  RiskReassessed: 'risk.reassessed.v1',
  ReferralRouted: 'referral.routed.v1',
  ReferralUnroutable: 'referral.unroutable.v1',
  ReferralAccepted: 'referral.accepted.v1',
  ReferralDeclined: 'referral.declined.v1',
  ReferralExpired: 'referral.expired.v1',
  ReferralRerouted: 'referral.rerouted.v1',
  ReferralWithdrawnFromCentre: 'referral.withdrawn_from_centre.v1',
  ReferralEscalated: 'referral.escalated.v1',
  ReferralCancelled: 'referral.cancelled.v1',
  ReferralDecisionReminderDue: 'referral.decision_reminder_due.v1',
  ReferralGroupSessionMoved: 'referral.group_session_moved.v1',
  ReferralGroupSessionRunsSmall: 'referral.group_session_runs_small.v1',
  ReferralSessionFacilitatorChanged: 'referral.session_facilitator_changed.v1',
  ReferralSessionDisplaced: 'referral.session_displaced.v1',
  NotificationSent: 'notification.sent.v1',
  NotificationFailed: 'notification.failed.v1',
  NotificationAlertUnacknowledged: 'notification.alert_unacknowledged.v1',
  ProgrammeStarted: 'programme.started.v1',
  ProgrammeSessionRecorded: 'programme.session_recorded.v1',
  ProgrammeCompleted: 'programme.completed.v1',
  ProgrammeRefusalReported: 'programme.refusal_reported.v1',
  ProgrammeClosedByDecision: 'programme.closed_by_decision.v1',
  ProgrammeCancelled: 'programme.cancelled.v1',
  ProgrammeAlert: 'programme.alert.v1',
  ProgrammeSessionsRescheduled: 'programme.sessions_rescheduled.v1',
  ProgrammeExpiredUnplaced: 'programme.expired_unplaced.v1',
  ProgrammeVoluntaryEnrolled: 'programme.voluntary_enrolled.v1',
  ProgrammeVoluntarySessionRecorded: 'programme.voluntary_session_recorded.v1',
  ProgrammeVoluntaryCompleted: 'programme.voluntary_completed.v1',
  ProgrammeVoluntaryLeft: 'programme.voluntary_left.v1',
  ProgrammeFollowUpDue: 'programme.follow_up_due.v1',
  ProgrammeFollowUpRecorded: 'programme.follow_up_recorded.v1',
  ProgrammeTreatmentRecheckDue: 'programme.treatment_recheck_due.v1',
  DirectoryRosterChanged: 'directory.roster_changed.v1',
} as const;
export type EventSubject = (typeof EventSubjects)[keyof typeof EventSubjects];

/** Request/reply questions the gateway asks each owner about its own data; they change nothing. */
export const QuerySubjects = {
  RiskAssessmentByOrder: 'query.risk.assessment-by-order.v1',
  ReferralByOrder: 'query.matching.referral-by-order.v1',
  ReferralList: 'query.matching.referrals.v1',
  NotificationsByOrder: 'query.notification.by-order.v1',
  InboxList: 'query.notification.inbox.v1',
  AssessmentHistory: 'query.risk.assessment-history.v1',
  OdaraForm: 'query.risk.odara-form.v1',
  ReferralDecision: 'query.matching.referral-decision.v1',
  DeliveryLog: 'query.notification.delivery-log.v1',
  DeadLetterList: 'query.dead-letters.v1',
  // A page of orders at once, so a list of orders costs one request per owner, not one per order.
  RiskAssessmentsByOrders: 'query.risk.assessments-by-orders.v1',
  ReferralsByOrders: 'query.matching.referrals-by-orders.v1',
  NotificationsByOrders: 'query.notification.by-orders.v1',
} as const;
export type QuerySubject = (typeof QuerySubjects)[keyof typeof QuerySubjects];

/** Request/reply commands: a person asks the owner to change its data and waits for the outcome. */
export const CommandSubjects = {
  AcceptReferral: 'command.matching.referral-accept.v1',
  DeclineReferral: 'command.matching.referral-decline.v1',
  AssignReferral: 'command.matching.referral-assign.v1',
  MarkInboxRead: 'command.notification.inbox-mark-read.v1',
  DeadLetterReplay: 'command.dead-letters.replay.v1',
} as const;
export type CommandSubject = (typeof CommandSubjects)[keyof typeof CommandSubjects];

/** Every request/reply subject of the shared contract family. */
export type RequestSubject = QuerySubject | CommandSubject;

/** One JetStream stream per domain; each captures its domain's subjects. */
export const Streams = {
  ORDERS: 'order.>',
  RISK: 'risk.>',
  REFERRALS: 'referral.>',
  NOTIFICATIONS: 'notification.>',
  PROGRAMMES: 'programme.>',
  DIRECTORY: 'directory.>',
  DEAD_LETTERS: 'deadletter.>',
} as const;
export type StreamName = keyof typeof Streams;

/** The domain an event belongs to: the first word of its subject (`order` in `order.registered.v1`). */
export function domainOf(subject: EventSubject): string {
  return subject.split('.')[0];
}

export function streamOf(subject: EventSubject): StreamName {
  const domain = domainOf(subject);
  const found = (Object.keys(Streams) as StreamName[]).find((name) => Streams[name].startsWith(`${domain}.`));
  if (!found) throw new Error(`No stream captures ${subject}`);
  return found;
}
