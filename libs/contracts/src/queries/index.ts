import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { QuerySubject, QuerySubjects } from '../subjects';

export class OrderLookup {
  @IsUUID() orderId: string;
}

export class ReferralListRequest {
  /** Set for centre staff: the list is then limited to their centre. */
  @IsOptional() @IsString() centreId?: string;
  @IsOptional() @IsUUID() orderId?: string;
  @IsOptional() @IsUUID() referralId?: string;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsInt() @Min(0) offset?: number;
}

export class InboxListRequest {
  @IsIn(['centre', 'coordinators']) recipientKind: 'centre' | 'coordinators';
  @IsOptional() @IsString() centreId?: string;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
}

export class DeadLetterListRequest {
  @IsOptional() @IsInt() @Min(1) @Max(500) limit?: number;
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

export interface ReferralView {
  referralId: string;
  referralNumber: string;
  orderId: string;
  status: 'proposed' | 'unroutable' | 'accepted' | 'declined' | 'escalated' | 'cancelled';
  centreId: string | null;
  centreName: string | null;
  priority: string;
  language: string;
  acknowledgeBy: string | null;
  firstSessionAt: string | null;
  travelMinutes: number | null;
  travelSource: string | null;
  reasons: string[];
  createdAt: string;
}

export interface NotificationView {
  notificationId: string;
  referralId: string;
  recipientKind: 'centre' | 'coordinators';
  centreId: string | null;
  channel: string;
  status: string;
  createdAt: string;
}

export interface InboxEntryView {
  entryId: string;
  referralId: string;
  referralNumber: string;
  kind: 'referral_routed' | 'referral_unroutable';
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
  [QuerySubjects.ReferralList]: { request: ReferralListRequest; reply: { referrals: ReferralView[] } };
  [QuerySubjects.NotificationsByOrder]: { request: OrderLookup; reply: { notifications: NotificationView[] } };
  [QuerySubjects.InboxList]: { request: InboxListRequest; reply: { entries: InboxEntryView[]; unread: number } };
  [QuerySubjects.DeadLetterList]: { request: DeadLetterListRequest; reply: { deadLetters: DeadLetterView[] } };
  [QuerySubjects.DeadLetterReplay]: { request: DeadLetterReplayRequest; reply: { replayed: boolean } };
}

export const QueryRequestClasses: { [S in QuerySubject]: new () => QueryContracts[S]['request'] } = {
  [QuerySubjects.RiskAssessmentByOrder]: OrderLookup,
  [QuerySubjects.ReferralByOrder]: OrderLookup,
  [QuerySubjects.ReferralList]: ReferralListRequest,
  [QuerySubjects.NotificationsByOrder]: OrderLookup,
  [QuerySubjects.InboxList]: InboxListRequest,
  [QuerySubjects.DeadLetterList]: DeadLetterListRequest,
  [QuerySubjects.DeadLetterReplay]: DeadLetterReplayRequest,
};

/** A reply that failed carries a code the gateway maps to an HTTP status. */
export interface QueryFailure {
  error: { code: 'invalid_request' | 'not_found' | 'internal'; message: string };
}
