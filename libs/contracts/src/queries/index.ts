import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { RECIPIENT_KINDS, RecipientKind } from '../vocabulary';
import { DECLINE_REASONS, DeclineReason } from '../events/referral.v1';
import type { InboxEntryKind } from '../notification-recipients';
import type { Refusal } from '../refusal.v1';
import { IsScope, type Scope } from '../scope';
import { CommandSubject, CommandSubjects, QuerySubject, QuerySubjects } from '../subjects';

export class OrderLookup {
  @IsUUID() orderId: string;
  @IsScope() scope: Scope;
}

/** The orders of one page of a list (at most 200), each answered as `OrderLookup` would be. */
export class OrdersLookup {
  @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) orderIds: string[];
  @IsScope() scope: Scope;
}

/** An answer per order id; an order with nothing to tell has no key. */
export type ByOrder<T> = Record<string, T>;

/**
 * Where a page of a newest-first list ends: the last row's creation time to the microsecond (UTC), `+`, and
 * its id. The owner makes it and applies it in SQL; the gateway hands it out only inside an opaque cursor.
 */
export const LIST_POSITION = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One page of a list: at most `limit` rows (default 50), after `after` when given. */
export class ListPageRequest {
  @IsOptional() @Matches(LIST_POSITION, { message: 'after must be a list position' }) after?: string;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
}

/** Where the next page starts: null on the last page. */
export interface ListPageReply {
  next: string | null;
}

export class ReferralListRequest extends ListPageRequest {
  @IsScope() scope: Scope;
  @IsOptional() @IsUUID() orderId?: string;
  @IsOptional() @IsUUID() referralId?: string;
}

/** A centre scope reads that centre's inbox; the national scope reads the coordinators' shared inbox. */
export class InboxListRequest extends ListPageRequest {
  @IsScope() scope: Scope;
}

export class ReferralLookup {
  @IsUUID() referralId: string;
  /** A centre scope makes the owner answer a referral of another centre as missing. */
  @IsScope() scope: Scope;
}

export class AcceptReferralCommand {
  @IsUUID() referralId: string;
  @IsString() centreId: string;
  @IsUUID() actorId: string;
}

export class DeclineReferralCommand {
  @IsUUID() referralId: string;
  @IsString() centreId: string;
  @IsUUID() actorId: string;
  @IsIn(DECLINE_REASONS) reason: DeclineReason;
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class AssignReferralCommand {
  @IsUUID() referralId: string;
  @IsString() centreId: string;
  @IsUUID() actorId: string;
  @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class MarkInboxReadCommand {
  @IsUUID() entryId: string;
  @IsScope() scope: Scope;
}

export class OdaraFormRequest {
  /** Leave out for all three languages. */
  @IsOptional() @IsIn(['ky', 'ru', 'en']) language?: 'ky' | 'ru' | 'en';
}

export class DeadLetterListRequest extends ListPageRequest {
  @IsScope() scope: Scope;
}

export class DeadLetterReplayRequest {
  @IsUUID() deadLetterId: string;
}

export interface AssessmentSummary {
  assessmentId: string;
  version: number;
  status: 'scored' | 'incomplete';
  rawScore: number;
  unknownCount: number;
  finalScore: number | null;
  bin: string | null;
  priority: string;
  immediateDanger: boolean;
  flags: string[];
  assessedAt: string;
}

/** One assessment version with its explanation, for the history endpoint. */
export interface AssessmentDetail extends AssessmentSummary {
  explanation: object;
  policyVersions: object;
}

export interface DeliveryAttemptView {
  attemptId: string;
  notificationId: string;
  channel: string;
  provider: string;
  status: 'queued' | 'sent' | 'delivered' | 'failed' | 'undelivered';
  providerMessageId: string | null;
  error: string | null;
  at: string;
}

export interface ReferralView {
  referralId: string;
  referralNumber: string;
  orderId: string;
  status:
    | 'proposed'
    | 'unroutable'
    | 'accepted'
    | 'declined'
    | 'expired'
    | 'escalated'
    | 'cancelled';
  centreId: string | null;
  centreName: string | null;
  priority: string;
  language: string;
  acknowledgeBy: string | null;
  firstSessionAt: string | null;
  travelMinutes: number | null;
  travelSource: string | null;
  /** The outreach point's gazetteer settlement where the sessions are held; null at the centre itself. */
  outreachSettlementCode: string | null;
  reasons: string[];
  createdAt: string;
}

export interface NotificationView {
  notificationId: string;
  referralId: string | null;
  recipientKind: RecipientKind;
  centreId: string | null;
  channel: string;
  status: string;
  createdAt: string;
}

export interface InboxEntryView {
  entryId: string;
  /** Null on an immediate-danger alert: it comes from the screening, before any referral. */
  referralId: string | null;
  referralNumber: string | null;
  /** The police order number, on notices to a police unit. */
  orderNumber: string | null;
  /** When an officer acknowledged a notice to a police unit, and who. */
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  kind: InboxEntryKind;
  title: { ky: string; ru: string; en: string };
  priority: string;
  readAt: string | null;
  createdAt: string;
}

export interface DeadLetterView {
  deadLetterId: string;
  service: string;
  subject: string;
  eventId: string | null;
  error: string;
  deliveries: number;
  createdAt: string;
  replayedAt: string | null;
}

/** Each query subject with its request class and reply type. */
export interface QueryContracts {
  [QuerySubjects.RiskAssessmentByOrder]: { request: OrderLookup; reply: { assessment: AssessmentSummary | null } };
  [QuerySubjects.ReferralByOrder]: { request: OrderLookup; reply: { referral: ReferralView | null } };
  [QuerySubjects.ReferralList]: { request: ReferralListRequest; reply: { referrals: ReferralView[] } & ListPageReply };
  [QuerySubjects.NotificationsByOrder]: { request: OrderLookup; reply: { notifications: NotificationView[] } };
  [QuerySubjects.InboxList]: { request: InboxListRequest; reply: { entries: InboxEntryView[]; unread: number } & ListPageReply };
  [QuerySubjects.AssessmentHistory]: { request: OrderLookup; reply: { assessments: AssessmentDetail[] } };
  [QuerySubjects.OdaraForm]: { request: OdaraFormRequest; reply: { form: object } };
  [QuerySubjects.ReferralDecision]: { request: ReferralLookup; reply: { decision: object | null } };
  [QuerySubjects.DeliveryLog]: { request: ReferralLookup; reply: { attempts: DeliveryAttemptView[] } };
  [QuerySubjects.DeadLetterList]: { request: DeadLetterListRequest; reply: { deadLetters: DeadLetterView[] } & ListPageReply };
  [QuerySubjects.RiskAssessmentsByOrders]: { request: OrdersLookup; reply: { assessments: ByOrder<AssessmentSummary> } };
  [QuerySubjects.ReferralsByOrders]: { request: OrdersLookup; reply: { referrals: ByOrder<ReferralView> } };
  [QuerySubjects.NotificationsByOrders]: { request: OrdersLookup; reply: { notifications: ByOrder<NotificationView[]> } };
}

/** Each command subject with its request class and reply type. */
export interface CommandContracts {
  [CommandSubjects.AcceptReferral]: { request: AcceptReferralCommand; reply: { referral: ReferralView } };
  [CommandSubjects.DeclineReferral]: { request: DeclineReferralCommand; reply: { referral: ReferralView } };
  [CommandSubjects.AssignReferral]: { request: AssignReferralCommand; reply: { referral: ReferralView } };
  [CommandSubjects.MarkInboxRead]: { request: MarkInboxReadCommand; reply: { marked: boolean } };
  [CommandSubjects.DeadLetterReplay]: { request: DeadLetterReplayRequest; reply: { replayed: boolean } };
}

export type RequestContracts = QueryContracts & CommandContracts;

export const QueryRequestClasses: { [S in QuerySubject]: new () => QueryContracts[S]['request'] } = {
  [QuerySubjects.RiskAssessmentByOrder]: OrderLookup,
  [QuerySubjects.ReferralByOrder]: OrderLookup,
  [QuerySubjects.ReferralList]: ReferralListRequest,
  [QuerySubjects.NotificationsByOrder]: OrderLookup,
  [QuerySubjects.InboxList]: InboxListRequest,
  [QuerySubjects.AssessmentHistory]: OrderLookup,
  [QuerySubjects.OdaraForm]: OdaraFormRequest,
  [QuerySubjects.ReferralDecision]: ReferralLookup,
  [QuerySubjects.DeliveryLog]: ReferralLookup,
  [QuerySubjects.DeadLetterList]: DeadLetterListRequest,
  [QuerySubjects.RiskAssessmentsByOrders]: OrdersLookup,
  [QuerySubjects.ReferralsByOrders]: OrdersLookup,
  [QuerySubjects.NotificationsByOrders]: OrdersLookup,
};

export const CommandRequestClasses: { [S in CommandSubject]: new () => CommandContracts[S]['request'] } = {
  [CommandSubjects.AcceptReferral]: AcceptReferralCommand,
  [CommandSubjects.DeclineReferral]: DeclineReferralCommand,
  [CommandSubjects.AssignReferral]: AssignReferralCommand,
  [CommandSubjects.MarkInboxRead]: MarkInboxReadCommand,
  [CommandSubjects.DeadLetterReplay]: DeadLetterReplayRequest,
};

export const RequestClassesBySubject = { ...QueryRequestClasses, ...CommandRequestClasses };

/** The centre a scope limits centre-owned data to (null: every centre); a unit scope sees no centre's data. */
export function centreFilterOf(scope: Scope): string | null {
  if (scope.kind === 'national') return null;
  if (scope.kind === 'centre') return scope.centreId;
  throw new QueryRejected('forbidden', 'a police unit may not read centre data');
}

/** Only a national scope may read what no centre or unit owns (assessments, dead letters). */
export function requireNational(scope: Scope): void {
  if (scope.kind !== 'national') throw new QueryRejected('forbidden', 'this needs a national scope');
}

/** A reply that failed carries a code the gateway maps to an HTTP status. */
export interface QueryFailure {
  error: { code: QueryFailureCode; message: string; refusals?: Refusal[] };
}

export type QueryFailureCode = 'invalid_request' | 'not_found' | 'forbidden' | 'conflict' | 'internal';

/**
 * Thrown by a query or command handler to answer with a code the gateway maps to 400/403/404/409; `refusals`
 * name each problem by its rule, and `message` is their English sentences joined.
 */
export class QueryRejected extends Error {
  constructor(
    readonly code: Exclude<QueryFailureCode, 'internal'>,
    message: string,
    readonly refusals?: Refusal[],
  ) {
    super(message);
  }

  static of(code: Exclude<QueryFailureCode, 'internal'>, refusals: Refusal[]): QueryRejected {
    return new QueryRejected(code, refusals.map((r) => r.message).join('; '), refusals);
  }
}
