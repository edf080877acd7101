import { EventSubject, EventSubjects } from '../subjects';
import { DirectoryRosterChangedV1 } from './directory.v1';
import { AlertUnacknowledgedV1, NotificationFailedV1, NotificationSentV1 } from './notification-sent.v1';
import { OrderCourtDecisionRecordedV1, OrderExtendedV1, OrderScreeningCorrectedV1, OrderUnitAssignedV1, OrderWithdrawnV1 } from './order-lifecycle.v1';
import { OrderRegisteredV1 } from './order-registered.v1';
import {
  ProgrammeAlertV1,
  ProgrammeCancelledV1,
  ProgrammeClosedByDecisionV1,
  ProgrammeCompletedV1,
  ProgrammeExpiredUnplacedV1,
  ProgrammeFollowUpDueV1,
  ProgrammeFollowUpRecordedV1,
  ProgrammeRefusalReportedV1,
  ProgrammeSessionRecordedV1,
  ProgrammeSessionsRescheduledV1,
  ProgrammeStartedV1,
  ProgrammeTreatmentRecheckDueV1,
  ProgrammeVoluntaryCompletedV1,
  ProgrammeVoluntaryEnrolledV1,
  ProgrammeVoluntaryLeftV1,
  ProgrammeVoluntarySessionRecordedV1,
} from './programme.v1';
import {
  ReferralAcceptedV1,
  ReferralCancelledV1,
  ReferralDecisionReminderDueV1,
  ReferralDeclinedV1,
  ReferralEscalatedV1,
  ReferralExpiredV1,
  ReferralGroupSessionMovedV1,
  ReferralGroupSessionRunsSmallV1,
  ReferralReroutedV1,
  ReferralRoutedV1,
  ReferralSessionDisplacedV1,
  ReferralSessionFacilitatorChangedV1,
  ReferralUnroutableV1,
  ReferralWithdrawnFromCentreV1,
} from './referral.v1';
import { RiskAssessedV1, RiskReassessedV1 } from './risk-assessed.v1';

export * from './directory.v1';
export * from './notification-sent.v1';
export * from './order-lifecycle.v1';
export * from './order-registered.v1';
export * from './programme.v1';
export * from './referral.v1';
export * from './risk-assessed.v1';

/** Which payload class each event subject carries. */
export const EventPayloadClasses = {
  [EventSubjects.OrderRegistered]: OrderRegisteredV1,
  [EventSubjects.OrderScreeningCorrected]: OrderScreeningCorrectedV1,
  [EventSubjects.OrderWithdrawn]: OrderWithdrawnV1,
  [EventSubjects.OrderExtended]: OrderExtendedV1,
  [EventSubjects.OrderCourtDecisionRecorded]: OrderCourtDecisionRecordedV1,
  [EventSubjects.OrderUnitAssigned]: OrderUnitAssignedV1,
  [EventSubjects.RiskAssessed]: RiskAssessedV1,
  [EventSubjects.RiskReassessed]: RiskReassessedV1,
  [EventSubjects.ReferralRouted]: ReferralRoutedV1,
  [EventSubjects.ReferralUnroutable]: ReferralUnroutableV1,
  [EventSubjects.ReferralAccepted]: ReferralAcceptedV1,
  [EventSubjects.ReferralDeclined]: ReferralDeclinedV1,
  [EventSubjects.ReferralExpired]: ReferralExpiredV1,
  [EventSubjects.ReferralRerouted]: ReferralReroutedV1,
  [EventSubjects.ReferralWithdrawnFromCentre]: ReferralWithdrawnFromCentreV1,
  [EventSubjects.ReferralEscalated]: ReferralEscalatedV1,
  [EventSubjects.ReferralCancelled]: ReferralCancelledV1,
  [EventSubjects.ReferralDecisionReminderDue]: ReferralDecisionReminderDueV1,
  [EventSubjects.ReferralGroupSessionMoved]: ReferralGroupSessionMovedV1,
  [EventSubjects.ReferralGroupSessionRunsSmall]: ReferralGroupSessionRunsSmallV1,
  [EventSubjects.ReferralSessionFacilitatorChanged]: ReferralSessionFacilitatorChangedV1,
  [EventSubjects.ReferralSessionDisplaced]: ReferralSessionDisplacedV1,
  [EventSubjects.NotificationSent]: NotificationSentV1,
  [EventSubjects.NotificationFailed]: NotificationFailedV1,
  [EventSubjects.NotificationAlertUnacknowledged]: AlertUnacknowledgedV1,
  [EventSubjects.ProgrammeStarted]: ProgrammeStartedV1,
  [EventSubjects.ProgrammeSessionRecorded]: ProgrammeSessionRecordedV1,
  [EventSubjects.ProgrammeCompleted]: ProgrammeCompletedV1,
  [EventSubjects.ProgrammeRefusalReported]: ProgrammeRefusalReportedV1,
  [EventSubjects.ProgrammeClosedByDecision]: ProgrammeClosedByDecisionV1,
  [EventSubjects.ProgrammeCancelled]: ProgrammeCancelledV1,
  [EventSubjects.ProgrammeAlert]: ProgrammeAlertV1,
  [EventSubjects.ProgrammeSessionsRescheduled]: ProgrammeSessionsRescheduledV1,
  [EventSubjects.ProgrammeExpiredUnplaced]: ProgrammeExpiredUnplacedV1,
  [EventSubjects.ProgrammeVoluntaryEnrolled]: ProgrammeVoluntaryEnrolledV1,
  [EventSubjects.ProgrammeVoluntarySessionRecorded]: ProgrammeVoluntarySessionRecordedV1,
  [EventSubjects.ProgrammeVoluntaryCompleted]: ProgrammeVoluntaryCompletedV1,
  [EventSubjects.ProgrammeVoluntaryLeft]: ProgrammeVoluntaryLeftV1,
  [EventSubjects.ProgrammeFollowUpDue]: ProgrammeFollowUpDueV1,
  [EventSubjects.ProgrammeFollowUpRecorded]: ProgrammeFollowUpRecordedV1,
  [EventSubjects.ProgrammeTreatmentRecheckDue]: ProgrammeTreatmentRecheckDueV1,
  [EventSubjects.DirectoryRosterChanged]: DirectoryRosterChangedV1,
} satisfies Record<EventSubject, new () => object>;

export type EventPayload<S extends EventSubject> = InstanceType<(typeof EventPayloadClasses)[S]>;
