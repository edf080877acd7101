/* eslint-disable */
/* tslint:disable */
// @ts-nocheck
/*
 * ---------------------------------------------------------------
 * ## THIS FILE WAS GENERATED VIA SWAGGER-TYPESCRIPT-API        ##
 * ##                                                           ##
 * ## AUTHOR: acacode                                           ##
 * ## SOURCE: https://github.com/acacode/swagger-typescript-api ##
 * ---------------------------------------------------------------
 */

export interface FieldProblemBody {
  /** @example "perpetrator.location.settlementCode" */
  field: string;
  /** @example ["settlementCode must be a gazetteer code"] */
  rules: string[];
  /**
   * The name of each rule beside it, where the rule has one: a validation constraint (`isInt`, `maxLength`) or an owner’s refusal rule
   * @example ["matches"]
   */
  codes?: string[];
  /**
   * By code, the arguments of the rules that have them: `min` and `max` (`min`, `max`, `minLength`, `maxLength`, `arrayMinSize`, `arrayMaxSize`) and the allowed `values` (`isIn`)
   * @example {"maxLength":{"max":200}}
   */
  params?: Record<
    string,
    Record<string, number | string | (string | number)[]>
  >;
}

export interface RefusalBody {
  /** @example "lead_not_of_group_sex" */
  rule:
    | "window_ends_before_start"
    | "windows_overlap"
    | "period_ends_before_start"
    | "settlement_not_in_gazetteer"
    | "not_a_facilitator_of_centre"
    | "lead_not_of_group_sex"
    | "co_not_of_other_sex"
    | "facilitator_lacks_language"
    | "meeting_past_midnight"
    | "minimum_above_maximum"
    | "slot_id_twice"
    | "slots_share_facilitator"
    | "slot_not_of_centre"
    | "pair_not_man_and_woman"
    | "window_shorter_than_session"
    | "due_at_group_slot"
    | "due_at_outreach_point"
    | "point_id_twice"
    | "point_not_of_centre"
    | "centre_exists"
    | "centre_in_use"
    | "point_has_sessions_ahead"
    | "facilitator_exists"
    | "facilitator_has_sessions_ahead"
    | "facilitator_runs_slot"
    | "facilitator_holds_point"
    | "sessions_planned_on_sex"
    | "sessions_planned_on_language"
    | "sessions_before_certification"
    | "centre_not_found"
    | "facilitator_not_found"
    | "exception_not_found"
    | "other_centre"
    | "referral_not_found"
    | "referral_of_other_centre"
    | "referral_no_longer_proposed"
    | "decline_note_required"
    | "follow_up_not_found"
    | "follow_up_already_recorded"
    | "follow_up_not_due";
  /**
   * The request field, named as in `problems`; none for the whole change
   * @example "groupSlots.1.leadFacilitatorId"
   */
  field?: string;
  /**
   * Ids, numbers (1-based positions, hours), weekdays (1 = Monday) and language codes the rule is about
   * @example {"facilitatorId":"naryn-asylzat-1","weekday":4}
   */
  params?: Record<string, string | number>;
  /** @example "changes.groupSlots[1].leadFacilitatorId must be a male facilitator for a male group" */
  message: string;
}

export interface ProblemBody {
  /** @example 400 */
  statusCode: number;
  /** @example "Bad Request" */
  error?: string;
  /** @example ["orderNumber: orderNumber must be 3-40 characters: letters, digits, / or -"] */
  message: string | string[];
  /** On 400: each field and the rules it broke */
  problems?: FieldProblemBody[];
  /** On 400, 403, 404 and 409 from an owner that names its rules: each problem by its rule */
  refusals?: RefusalBody[];
  /**
   * On 429 and 503: the seconds to wait before trying again, as in Retry-After
   * @example 30
   */
  retryAfterSeconds?: number;
}

export type ParticipantLocation = object;

export interface PerpetratorDetails {
  /** @example "Асанов Бакыт" */
  fullName: string;
  /** @example 1988 */
  birthYear?: number;
  /**
   * Personal number (ПИН), optional: only a keyed hash of it leaves the gateway, to count repeat orders
   * @example "21505198600123"
   */
  pin?: string;
  sex: "male" | "female";
  /** Programme language chosen by the participant */
  language: "ky" | "ru";
  /** A gazetteer settlement code, or coordinates */
  location: ParticipantLocation;
}

export type ScreeningRequest = object;

export interface RegisterProtectionOrderRequest {
  /**
   * The number the police gave the order
   * @example "TPO-2026-000123"
   */
  orderNumber: string;
  /** @example "Октябрь РИИБ" */
  issuingUnit: string;
  /** @example "2026-11-25T09:00:00+06:00" */
  issuedAt: string;
  /**
   * At most 30 days after issuedAt
   * @example "2026-12-25T09:00:00+06:00"
   */
  expiresAt: string;
  perpetrator: PerpetratorDetails;
  /** The ODARA screening (13 items) and immediate-danger screen; the officer's concern and override reason are kept with the order and never sent on */
  screening: ScreeningRequest;
}

export interface RegisteredOrderResponse {
  orderId: string;
  orderNumber: string;
  /** false when the same order was posted before and this is its record */
  created: boolean;
}

export interface CourtDecisionResponse {
  /** @format date */
  decidedOn: string;
  reference: string;
}

export interface ReferralSummaryResponse {
  /** @format uuid */
  referralId: string;
  /** @example "R-2026-000017" */
  referralNumber: string;
  status:
    | "proposed"
    | "unroutable"
    | "accepted"
    | "declined"
    | "expired"
    | "escalated"
    | "cancelled";
  centreName: string | null;
  /**
   * Gazetteer settlement of the centre's outreach point where the sessions are held; null at the centre
   * @example "kazarman"
   */
  outreachSettlementCode: string | null;
}

export interface ClosureResponse {
  reason:
    | "in_custody"
    | "order_revoked_by_court"
    | "left_country"
    | "deceased"
    | "treatment_first"
    | "other";
  note: string | null;
  decidedBy: string;
  /** @format date-time */
  decidedAt: string;
  /**
   * The re-check day of a treatment_first closure
   * @format date
   */
  recheckOn: string | null;
}

export interface LocalizedText {
  ky: string;
  ru: string;
  en: string;
}

export interface CompletionResponse {
  referralNumber: string;
  centreId: string;
  /** @format date-time */
  completedAt: string;
  text: LocalizedText;
}

export interface MissedSessionResponse {
  index: number;
  /** @format date-time */
  startsAt: string;
  mark: "attended" | "excused_absence" | "unexcused_absence" | "refused";
}

export interface RefusalNoticeResponse {
  /** @format uuid */
  noticeId: string;
  ground:
    | "explicit_refusal"
    | "unexcused_absences"
    | "cannot_finish_before_expiry";
  refusalPolicy: string;
  sessionsOffered: number;
  missed: MissedSessionResponse[];
  /** @format date-time */
  reportedAt: string;
}

export interface VoluntaryPlanResponse {
  /** @example 2 */
  individual: number;
  /** @example 24 */
  group: number;
  /** @example 6 */
  months: number;
}

export interface VoluntarySessionResponse {
  /** @min 1 */
  number: number;
  kind: "individual" | "group";
  /** @format date-time */
  heldAt: string;
  mark: "attended" | "excused_absence" | "unexcused_absence" | "refused";
  excuseReason?:
    | "illness_with_document"
    | "court_hearing"
    | "detention"
    | "other"
    | null;
  excuseNote?: string | null;
  facilitatorNote?: string | null;
  signedBy?: string | null;
  /** @format date-time */
  recordedAt?: string;
}

export interface VoluntaryResponse {
  state: "enrolled" | "voluntary_completed" | "voluntary_left";
  /** @format date-time */
  enrolledAt: string;
  /** @format date-time */
  plannedEnd: string;
  /** @format date-time */
  outcomeAt: string | null;
  plan: VoluntaryPlanResponse;
  sessions: VoluntarySessionResponse[];
}

export interface FollowUpMeetingResponse {
  /** @min 1 */
  number: number;
  /**
   * @min 1
   * @max 18
   */
  monthsAfterCompletion: number;
  /** @format date-time */
  dueAt: string;
  outcome: "held" | "missed" | null;
  /** @format date-time */
  recordedAt: string | null;
}

export interface ProgrammeSessionResponse {
  /**
   * @min 1
   * @max 4
   */
  index: number;
  kind: "individual" | "group";
  /** @format date-time */
  startsAt: string;
  mark: "attended" | "excused_absence" | "unexcused_absence" | "refused" | null;
  /** @format date-time */
  endsAt?: string;
  centreId?: string;
  facilitatorIds?: string[];
  language?: string;
  excuseReason?:
    | "illness_with_document"
    | "court_hearing"
    | "detention"
    | "other"
    | null;
  excuseNote?: string | null;
  facilitatorNote?: string | null;
  signedBy?: string | null;
  /** @format date-time */
  recordedAt?: string | null;
}

export interface ProgrammeOrderResponse {
  orderNumber: string;
  issuingUnit: string;
  /** Null once erased at the end of the retention term */
  personName: string | null;
}

export interface ProgrammeResponse {
  /** @format uuid */
  programmeId: string;
  /** @format uuid */
  referralId: string;
  referralNumber: string;
  /** @format uuid */
  orderId: string;
  centreId: string;
  track: "men" | "women";
  language: string;
  /** @format date-time */
  expiresAt: string;
  state:
    | "scheduled"
    | "in_progress"
    | "awaiting_decision"
    | "cancelled"
    | "completed"
    | "refused"
    | "closed_by_decision"
    | "expired_unplaced";
  /** @format date-time */
  outcomeAt: string | null;
  closure: ClosureResponse | null;
  completion: CompletionResponse | null;
  notices: RefusalNoticeResponse[];
  /** Once enrolled in the voluntary component after completion */
  voluntary: VoluntaryResponse | null;
  /** The monitoring meetings scheduled at completion */
  monitoring: FollowUpMeetingResponse[];
  sessions: ProgrammeSessionResponse[];
  /** Present in the police view only */
  order?: ProgrammeOrderResponse;
}

export interface OrderListItemResponse {
  /** @format uuid */
  orderId: string;
  /** @example "TPO-2026-000123" */
  orderNumber: string;
  /**
   * The police unit that registered it
   * @example "naryn-riib"
   */
  unitCode: string | null;
  /** @format date-time */
  issuedAt: string;
  /**
   * As it stands, later after an extension
   * @format date-time
   */
  expiresAt: string;
  /**
   * The expiry first registered, once extended
   * @format date-time
   */
  firstExpiresAt: string | null;
  courtDecision: CourtDecisionResponse | null;
  /** @format date-time */
  registeredAt: string;
  /** The perpetrator's name; null once erased at the end of the retention term */
  perpetratorName: string | null;
  stage: "registered" | "assessed" | "routed" | "unroutable" | "notified";
  /** The newest referral; null before routing */
  referral: ReferralSummaryResponse | null;
  /** The programme on that referral as the caller's role reads it; null before a centre accepted, and for admins */
  programme: ProgrammeResponse | null;
}

export interface OrderPage {
  items: OrderListItemResponse[];
  /** Pass as cursor for the next page; null on the last page */
  nextCursor: string | null;
}

export interface PerpetratorSummary {
  /** Null once erased at the end of the retention term */
  fullName: string | null;
  sex: string;
  language: string;
}

export interface AssessmentSummaryResponse {
  /** @format uuid */
  assessmentId: string;
  version: number;
  status: "scored" | "incomplete";
  rawScore: number;
  unknownCount: number;
  finalScore: number | null;
  bin: string | null;
  priority: string;
  immediateDanger: boolean;
  flags: string[];
  /** @format date-time */
  assessedAt: string;
}

export interface ReferralResponse {
  /** @format uuid */
  referralId: string;
  /** @example "R-2026-000017" */
  referralNumber: string;
  /** @format uuid */
  orderId: string;
  status:
    | "proposed"
    | "unroutable"
    | "accepted"
    | "declined"
    | "expired"
    | "escalated"
    | "cancelled";
  /** @example "naryn-asylzat" */
  centreId: string | null;
  centreName: string | null;
  /** @example "high" */
  priority: string;
  /** @example "ky" */
  language: string;
  /** @format date-time */
  acknowledgeBy: string | null;
  /** @format date-time */
  firstSessionAt: string | null;
  travelMinutes: number | null;
  travelSource: string | null;
  /**
   * Gazetteer settlement of the centre's outreach point where the sessions are held; null at the centre
   * @example "kazarman"
   */
  outreachSettlementCode: string | null;
  reasons: string[];
  /** @format date-time */
  createdAt: string;
}

export interface NotificationResponse {
  /** @format uuid */
  notificationId: string;
  /** @format uuid */
  referralId: string;
  recipientKind: "centre" | "coordinators";
  centreId: string | null;
  channel: string;
  status: string;
  /** @format date-time */
  createdAt: string;
}

export interface OrderNoteResponse {
  kind: "officer_concern" | "override_reason" | "withdrawal_note";
  body: string;
  /** @format date-time */
  writtenAt: string;
}

export interface OrderProgressResponse {
  /** @format uuid */
  orderId: string;
  orderNumber: string;
  issuingUnit: string;
  /** @format date-time */
  issuedAt: string;
  /**
   * As it stands, later after an extension
   * @format date-time
   */
  expiresAt: string;
  /**
   * The expiry first registered, once extended
   * @format date-time
   */
  firstExpiresAt: string | null;
  courtDecision: CourtDecisionResponse | null;
  perpetrator: PerpetratorSummary;
  /**
   * When the personal data was erased, its retention term over
   * @format date-time
   */
  erasedAt: string | null;
  stage: "registered" | "assessed" | "routed" | "unroutable" | "notified";
  assessment: AssessmentSummaryResponse | null;
  referral: ReferralResponse | null;
  notifications: NotificationResponse[];
  /** The officers' own words; never sent to other services */
  notes: OrderNoteResponse[];
}

export interface OrderChangeAccepted {
  /** @format uuid */
  orderId: string;
  accepted: true;
}

export interface WithdrawOrderRequest {
  reason:
    | "revoked_by_police"
    | "cancelled_by_court"
    | "registered_in_error"
    | "other";
  /** Why, for the record; no personal data */
  note: string;
}

export interface ExtendOrderRequest {
  /**
   * The new expiry; later than the current one
   * @format date-time
   */
  expiresAt: string;
}

export interface OrderExtendedResponse {
  /** @format uuid */
  orderId: string;
  /** @format date-time */
  expiresAt: string;
  /** @format date-time */
  firstExpiresAt: string;
}

export interface CourtDecisionRequest {
  /**
   * Day of the decision, from the order's issue to 70 days after it
   * @format date
   */
  decidedOn: string;
  /** The court's case reference; no personal data */
  reference: string;
}

export interface CourtDecisionRecordedResponse {
  /** @format uuid */
  orderId: string;
  courtDecision: CourtDecisionResponse;
}

export interface AssignOrderUnitRequest {
  /**
   * The code of a registered police unit
   * @example "naryn-riib"
   */
  unitCode: string;
}

export interface OrderUnitAssignedResponse {
  /** @format uuid */
  orderId: string;
  /** @example "naryn-riib" */
  unitCode: string;
}

export interface FormSectionResponse {
  key: string;
  title: LocalizedText;
  help: LocalizedText;
}

export interface FormOptionResponse {
  value: string | boolean;
  label: LocalizedText;
}

export interface FormQuestionResponse {
  key: string;
  /**
   * Dotted path in the screening; the same path a 400 names
   * @example "items.confinement"
   */
  path: string;
  section: string;
  kind: "answer" | "dangerAnswer" | "choice" | "boolean" | "text";
  requirement:
    | "required"
    | "optional"
    | "requiredUnlessIndicatorsGiven"
    | "requiredWithOverride";
  /**
   * @min 1
   * @max 13
   */
  itemNumber?: number;
  options: FormOptionResponse[];
  text: LocalizedText;
  help: LocalizedText;
}

export interface OdaraFormResponse {
  /** @example "odara-form-2026.1" */
  version: string;
  sections: FormSectionResponse[];
  questions: FormQuestionResponse[];
}

export interface ReferralPage {
  items: ReferralResponse[];
  /** Pass as cursor for the next page; null on the last page */
  nextCursor: string | null;
}

export interface InboxEntryResponse {
  /** @format uuid */
  entryId: string;
  /**
   * Null on an immediate-danger alert, which precedes any referral
   * @format uuid
   */
  referralId: string | null;
  referralNumber: string | null;
  /** The police order number, on notices to a police unit and immediate-danger alerts */
  orderNumber: string | null;
  /**
   * When an officer acknowledged the notice
   * @format date-time
   */
  acknowledgedAt: string | null;
  /**
   * The account that acknowledged the notice
   * @format uuid
   */
  acknowledgedBy: string | null;
  kind:
    | "referral_routed"
    | "referral_unroutable"
    | "referral_escalated"
    | "referral_decision_reminder"
    | "referral_expired"
    | "referral_cancelled"
    | "referral_withdrawn"
    | "centre_unreachable"
    | "article72_notice"
    | "article72_unacknowledged"
    | "police_unit_unreachable"
    | "programme_attendance_missing"
    | "programme_cannot_complete"
    | "programme_reschedule_needed"
    | "programme_follow_up_due"
    | "programme_treatment_recheck"
    | "group_session_moved"
    | "sessions_replanned"
    | "group_session_runs_small"
    | "immediate_danger";
  title: LocalizedText;
  priority: string;
  /** @format date-time */
  readAt: string | null;
  /** @format date-time */
  createdAt: string;
}

export interface InboxPage {
  items: InboxEntryResponse[];
  /** Pass as cursor for the next page; null on the last page */
  nextCursor: string | null;
  /** Unread entries in the whole inbox, not only this page */
  unread: number;
}

export interface ReferralReply {
  referral: ReferralResponse;
}

export interface DeclineReferralRequest {
  reason:
    | "at_capacity"
    | "out_of_area"
    | "language"
    | "no_facilitator_pair"
    | "conflict_of_interest"
    | "other";
  /** Required when the reason is other; stays with the referral, never sent on */
  note?: string;
}

export interface AssignReferralRequest {
  /** @example "naryn-asylzat" */
  centreId: string;
  /** Why a person overrules the routing; kept in the decision record */
  reason: string;
}

export interface DeadLetterResponse {
  /** @format uuid */
  deadLetterId: string;
  service:
    | "gateway"
    | "risk"
    | "matching"
    | "notification"
    | "programme"
    | "reporting";
  /** @example "risk.assessed.v1" */
  subject: string;
  /** @format uuid */
  eventId: string | null;
  /** Why the last delivery failed */
  error: string;
  deliveries: number;
  /** @format date-time */
  createdAt: string;
  /** @format date-time */
  replayedAt: string | null;
}

export interface DeadLetterPage {
  items: DeadLetterResponse[];
  /** Pass as cursor for the next page; null on the last page */
  nextCursor: string | null;
}

export interface NoticeAcknowledgementResponse {
  /** @format uuid */
  entryId: string;
  /** @format date-time */
  acknowledgedAt: string;
  /** @format uuid */
  acknowledgedBy: string;
  /** false when the notice had been acknowledged before; the first acknowledgement stands */
  recorded: boolean;
}

export type RecipientSettings = object;

export interface ProgrammeReply {
  programme: ProgrammeResponse;
}

export interface RecordAttendanceRequest {
  mark: "attended" | "excused_absence" | "unexcused_absence" | "refused";
  /** Required for an excused absence */
  excuseReason?:
    | "illness_with_document"
    | "court_hearing"
    | "detention"
    | "other";
  /** Required when the excuse is other; stays with the programme, never sent on */
  excuseNote?: string;
  /** The facilitators' note on the session; read by the centre and coordinators, never by police */
  facilitatorNote: string;
  /** The facilitator who signs the note */
  signedBy: string;
}

export interface RecordVoluntarySessionRequest {
  mark: "attended" | "excused_absence" | "unexcused_absence" | "refused";
  /** Required for an excused absence */
  excuseReason?:
    | "illness_with_document"
    | "court_hearing"
    | "detention"
    | "other";
  /** Required when the excuse is other; stays with the programme, never sent on */
  excuseNote?: string;
  /** The facilitators' note on the session; read by the centre and coordinators, never by police */
  facilitatorNote: string;
  /** The facilitator who signs the note */
  signedBy: string;
  /**
   * When the centre held the session: after the enrolment and the session before, not in the future
   * @format date-time
   */
  heldAt: string;
}

export interface RecordFollowUpRequest {
  outcome: "held" | "missed";
}

export interface CloseProgrammeRequest {
  reason:
    | "in_custody"
    | "order_revoked_by_court"
    | "left_country"
    | "deceased"
    | "treatment_first"
    | "other";
  /** Required when the reason is other */
  note?: string;
  /**
   * Required with treatment_first, and only with it: the day (still to come) the coordinators are reminded to look again
   * @format date
   * @example "2026-09-01"
   */
  recheckOn?: string;
}

export interface IndicatorDimensionResponse {
  key:
    | "month"
    | "oblast"
    | "unit"
    | "centre"
    | "sex"
    | "language"
    | "riskBin"
    | "priority";
  label: LocalizedText;
}

export interface IndicatorColumnResponse {
  key: string;
  label: LocalizedText;
}

export interface IndicatorRowResponse {
  /** The value of the dimension, e.g. 2026-03 or naryn-asylzat */
  key: string;
  values: (number | null)[];
}

export interface IndicatorSheetResponse {
  group:
    | "orders"
    | "referrals"
    | "programmes"
    | "voluntary"
    | "follow_ups"
    | "repeats"
    | "utilisation";
  title: LocalizedText;
  dimension: IndicatorDimensionResponse;
  columns: IndicatorColumnResponse[];
  rows: IndicatorRowResponse[];
  total: (number | null)[];
}

export interface IndicatorReportResponse {
  /** @example "2026-01" */
  from: string;
  /** @example "2026-12" */
  to: string;
  groupBy:
    | "month"
    | "oblast"
    | "unit"
    | "centre"
    | "sex"
    | "language"
    | "riskBin"
    | "priority";
  sheets: IndicatorSheetResponse[];
}

export interface IndicatorsReply {
  report: IndicatorReportResponse;
}

export interface PublicQuarterResponse {
  /**
   * The quarter’s first month
   * @example "2026-01"
   */
  from: string;
  /**
   * The quarter’s last month
   * @example "2026-03"
   */
  to: string;
  /** The edition shown; null until the first is out, and nothing of the quarter is shown */
  edition: "provisional" | "final" | null;
  /**
   * The edition counts what happened before this instant
   * @format date-time
   */
  countedBefore: string | null;
  nextEdition: "provisional" | "final" | null;
  /** @format date-time */
  nextEditionOn: string | null;
}

export interface PublicIndicatorTableResponse {
  /** @example "orders_registered" */
  key: string;
  label: LocalizedText;
  /** A row per month, a value per oblast */
  byMonthAndOblast: (number | "<5" | "x")[][];
  /** The national figure of each month */
  nationalByMonth: (number | "<5" | "x")[];
  /** Each oblast’s figure for the quarters shown */
  byOblast: (number | "<5" | "x")[];
  national: number | "<5" | "x";
}

export interface PublicIndicatorsReply {
  /** @example "2026-01" */
  from: string;
  /** @example "2026-12" */
  to: string;
  /** Every quarter asked, with the edition of its figures shown */
  quarters: PublicQuarterResponse[];
  /**
   * The months of the quarters shown; the tables have a row for each
   * @example ["2026-01","2026-02"]
   */
  months: string[];
  /** The oblasts, then `unknown` for orders whose place was not given */
  oblasts: string[];
  indicators: PublicIndicatorTableResponse[];
}

export interface AuditEntryView {
  id: string;
  actorId: string | null;
  actorRole: string | null;
  centreId: string | null;
  unitCode: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: "success" | "refused";
  ip: string | null;
  requestId: string | null;
  /** @format date-time */
  at: string;
  /** A system entry’s facts beyond the resource, as JSON: a purge’s count of entries */
  detail: string | null;
  /** SHA-256 over this entry and the previous one (tools/verify-audit-chain checks them) */
  hash: string;
}

export interface AuditLogPage {
  items: AuditEntryView[];
  /** Pass as cursor for the next page; null on the last page */
  nextCursor: string | null;
}

export interface PoliceUnitBody {
  /** @example "naryn-riib" */
  code: string;
  /**
   * Name in Kyrgyz
   * @example "Нарын РИИБ"
   */
  nameKy: string;
  /**
   * Name in Russian
   * @example "Нарынское РУВД"
   */
  nameRu: string;
  /** @example "naryn" */
  oblast: string;
}

export interface PoliceUnitPage {
  items: PoliceUnitBody[];
  /** Pass as cursor for the next page; null on the last page */
  nextCursor: string | null;
}

export interface ContactAddressRotationResponse {
  /** Notification recipients whose contact addresses were sealed or rewrapped by this run */
  recipients: number;
  /** Delivery plans whose copied contact addresses were sealed or rewrapped by this run */
  intents: number;
}

export interface FieldKeyRotationResponse {
  /**
   * The key every sealed field is now under
   * @example "2026-12"
   */
  activeKeyId: string;
  /** Person names sealed or rewrapped by this run */
  personNames: number;
  /** Officers' notes sealed or rewrapped by this run */
  notes: number;
  /** Account display names (staff names) sealed or rewrapped by this run */
  accountNames: number;
  /** Second-factor (TOTP) secrets sealed or rewrapped by this run */
  secondFactorSecrets: number;
  /** The notification service's contact addresses, rewrapped in its own database */
  contactAddresses: ContactAddressRotationResponse;
}

export interface IndicatorRebuildResponse {
  /** Events read from the history stream */
  events: number;
  /** Orders in the rebuilt read model */
  orders: number;
  /** Counted facts in the rebuilt read model */
  facts: number;
}

export interface LoginRequest {
  /** @example "police.demo" */
  username: string;
  /** @example "korgoo-demo-police" */
  password: string;
  /**
   * The authenticator app's current code: required once the account has a second factor
   * @example "123456"
   */
  totpCode?: string;
}

export interface SessionResponse {
  /** Bearer token for every other call (Authorization: Bearer …) */
  accessToken: string;
  /**
   * The access token expires after this many seconds: refresh before
   * @example 900
   */
  expiresInSeconds: number;
  /** Opaque, single use: POST it to /auth/refresh for a new pair; keep it out of URLs and logs */
  refreshToken: string;
  /** @example 43200 */
  refreshExpiresInSeconds: number;
  role: "police" | "coordinator" | "centre" | "admin" | "probation" | "auditor";
  /** Centre staff only */
  centreId: string | null;
  /** Police only: the unit whose orders the account sees */
  unitId: string | null;
}

export interface RefreshRequest {
  /** The refresh token from sign-in or from the previous refresh; it works once */
  refreshToken: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  /**
   * at least 12 characters
   * @minLength 12
   * @maxLength 200
   */
  newPassword: string;
}

export interface SecondFactorStatusResponse {
  /**
   * When the second factor came into force; null while sign-in needs none
   * @format date-time
   */
  inForceSince: string | null;
}

export interface SecondFactorEnrolmentResponse {
  /**
   * Scan into an authenticator app (as a QR code); shown once, never again
   * @example "otpauth://totp/Korgoo:admin.demo?issuer=Korgoo&secret=…"
   */
  otpauthUri: string;
  /** The same secret in base32, to type in by hand; shown once */
  secret: string;
}

export interface SecondFactorCodeRequest {
  /**
   * The current code the authenticator app shows for the new secret
   * @example "123456"
   */
  code: string;
}

export interface CreateAccountRequest {
  /** @example "officer.asanov" */
  username: string;
  /**
   * at least 12 characters
   * @minLength 12
   * @maxLength 200
   */
  password: string;
  role: "police" | "coordinator" | "centre" | "admin" | "probation" | "auditor";
  /** Required for centre staff: the centre they work for */
  centreId?: string;
  /** Required for police: the unit they serve in (see /police-units) */
  unitCode?: string;
  displayName: string;
}

export interface AccountView {
  id: string;
  username: string;
  role: "police" | "coordinator" | "centre" | "admin" | "probation" | "auditor";
  centreId: string | null;
  unitCode: string | null;
  displayName: string;
  active: boolean;
}

export interface ChangeAccountRequest {
  role?:
    | "police"
    | "coordinator"
    | "centre"
    | "admin"
    | "probation"
    | "auditor";
  /** Centre staff: the centre they work for */
  centreId?: string;
  /** Police: the unit they serve in */
  unitCode?: string;
  active?: boolean;
  displayName?: string;
}

export interface ResetPasswordRequest {
  /**
   * at least 12 characters
   * @minLength 12
   * @maxLength 200
   */
  newPassword: string;
}

export interface ContactChannelBody {
  kind: "inbox" | "email" | "sms" | "telegram";
  /** @example "inbox:naryn-asylzat" */
  address: string;
}

export interface CreateCentreBody {
  /** @example "naryn-asylzat" */
  id: string;
  /** @example "Асылзат" */
  name: string;
  /**
   * Gazetteer settlement; the oblast follows from it
   * @example "naryn"
   */
  settlementCode: string;
  /** Defaults to the settlement's */
  lat?: number;
  /** Defaults to the settlement's */
  lng?: number;
  status: "open" | "paused";
  /**
   * Participants per group session
   * @min 1
   * @max 50
   */
  groupCapacity: number;
  municipal?: boolean;
  contactChannels?: ContactChannelBody[];
}

export interface GroupSlotBody {
  /** Keep it to keep the slot; a new slot gets the centre id and the next number */
  id?: string;
  /**
   * ISO weekday, 1 = Monday
   * @min 1
   * @max 7
   */
  weekday: number;
  /**
   * Asia/Bishkek
   * @example "14:00"
   */
  start: string;
  /**
   * @min 60
   * @max 480
   * @example 240
   */
  minutes: number;
  /** Men and women meet in separate groups */
  sex: "male" | "female";
  language: "ky" | "ru";
  /** A facilitator of the centre of the group's sex */
  leadFacilitatorId: string;
  /** A facilitator of the centre of the other sex */
  coFacilitatorId: string;
  /**
   * @min 1
   * @max 50
   * @example 3
   */
  minParticipants: number;
  /**
   * @min 1
   * @max 50
   * @example 10
   */
  maxParticipants: number;
}

export interface WeeklyWindowBody {
  /**
   * ISO weekday, 1 = Monday
   * @min 1
   * @max 7
   */
  weekday: number;
  /**
   * Asia/Bishkek
   * @example "09:00"
   */
  start: string;
  /**
   * Asia/Bishkek; 24:00 for midnight
   * @example "18:00"
   */
  end: string;
}

export interface OutreachPointBody {
  /** Keep it to keep the point; a new point gets the centre id, "point" and the next number */
  id?: string;
  /**
   * Gazetteer settlement where the sessions are held
   * @example "kazarman"
   */
  settlementCode: string;
  /**
   * A man and a woman of the centre; the one of the participant’s sex leads. Their outreach weekdays are days away from the centre
   * @maxItems 2
   * @minItems 2
   */
  facilitatorIds: string[];
  /** Hours held at the place, each at least one 4-hour session; the pair travels outside them */
  windows: WeeklyWindowBody[];
}

export interface UpdateCentreBody {
  name?: string;
  settlementCode?: string;
  lat?: number;
  lng?: number;
  /**
   * @min 1
   * @max 50
   */
  groupCapacity?: number;
  municipal?: boolean;
  contactChannels?: ContactChannelBody[];
  /** Replaces every declared weekly group slot */
  groupSlots?: GroupSlotBody[];
  /** Replaces every outreach point; one with sessions ahead cannot be dropped (409) */
  outreachPoints?: OutreachPointBody[];
}

export interface CentreStatusBody {
  /** A paused centre takes no new participants */
  status: "open" | "paused";
}

export interface AvailabilityExceptionBody {
  /** @example "2026-12-30T00:00:00+06:00" */
  from: string;
  /**
   * Exclusive
   * @example "2027-01-03T00:00:00+06:00"
   */
  to: string;
  reason: "leave" | "holiday" | "other";
}

export interface CreateFacilitatorBody {
  /** Defaults to the centre id and the next number */
  id?: string;
  /** @example "Facilitator K.M." */
  displayName: string;
  sex: "male" | "female";
  languages: ("ky" | "ru")[];
  /**
   * Null while in training
   * @example "2023-10-13"
   */
  certifiedOn: string | null;
  active: boolean;
  weekly: WeeklyWindowBody[];
  exceptions?: AvailabilityExceptionBody[];
}

export interface UpdateFacilitatorBody {
  displayName?: string;
  sex?: "male" | "female";
  languages?: ("ky" | "ru")[];
  certifiedOn?: string | null;
  active?: boolean;
}

export interface WeeklyAvailabilityBody {
  /** Replaces the whole week */
  weekly: WeeklyWindowBody[];
}
