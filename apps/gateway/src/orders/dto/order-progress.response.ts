import { ApiProperty, PickType } from '@nestjs/swagger';
import { AssessmentSummary, NotificationView } from '@korgoo/contracts';
import { ProgrammeResponse } from '../../programmes/programme.responses';
import { NEXT_CURSOR, ReferralResponse } from '../../referrals/referral.responses';
import { ORDER_NOTE_KINDS, OrderNoteKind } from '../order-notes';
import { OrderListItem, OrderNoteView, OrderProgressView, OrderStage } from '../order-progress';

const ORDER_STAGES: OrderStage[] = ['registered', 'assessed', 'routed', 'unroutable', 'notified'];

export class AssessmentSummaryResponse implements AssessmentSummary {
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['scored', 'incomplete'] }) status: 'scored' | 'incomplete';
  @ApiProperty() rawScore: number;
  @ApiProperty() unknownCount: number;
  @ApiProperty({ type: Number, nullable: true }) finalScore: number | null;
  @ApiProperty({ type: String, nullable: true }) bin: string | null;
  @ApiProperty() priority: string;
  @ApiProperty() immediateDanger: boolean;
  @ApiProperty({ type: [String] }) flags: string[];
  @ApiProperty({ format: 'date-time' }) assessedAt: string;
}

export class NotificationResponse implements NotificationView {
  @ApiProperty({ format: 'uuid' }) notificationId: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ enum: ['centre', 'coordinators'] }) recipientKind: 'centre' | 'coordinators';
  @ApiProperty({ type: String, nullable: true }) centreId: string | null;
  @ApiProperty() channel: string;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PerpetratorSummary {
  @ApiProperty({ type: String, nullable: true, description: 'Null once erased at the end of the retention term' }) fullName: string | null;
  @ApiProperty() sex: string;
  @ApiProperty() language: string;
}

export class CourtDecisionResponse {
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty() reference: string;
}

export class OrderNoteResponse implements OrderNoteView {
  @ApiProperty({ enum: ORDER_NOTE_KINDS }) kind: OrderNoteKind;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) writtenAt: string;
}

export class OrderProgressResponse implements OrderProgressView {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty() orderNumber: string;
  @ApiProperty() issuingUnit: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ format: 'date-time', description: 'As it stands, later after an extension' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The expiry first registered, once extended' })
  firstExpiresAt: string | null;
  @ApiProperty({ type: CourtDecisionResponse, nullable: true }) courtDecision: CourtDecisionResponse | null;
  @ApiProperty({ type: PerpetratorSummary }) perpetrator: PerpetratorSummary;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the personal data was erased, its retention term over' })
  erasedAt: string | null;
  @ApiProperty({ enum: ORDER_STAGES }) stage: OrderStage;
  @ApiProperty({ type: AssessmentSummaryResponse, nullable: true }) assessment: AssessmentSummaryResponse | null;
  @ApiProperty({ type: ReferralResponse, nullable: true }) referral: ReferralResponse | null;
  @ApiProperty({ type: [NotificationResponse] }) notifications: NotificationResponse[];
  @ApiProperty({ type: [OrderNoteResponse], description: 'The officers\' own words; never sent to other services' }) notes: OrderNoteResponse[];
}

export class OrderChangeAccepted {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ enum: [true] }) accepted: true;
}

export class OrderExtendedResponse {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time' }) firstExpiresAt: string;
}

export class OrderUnitAssignedResponse {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ example: 'naryn-riib' }) unitCode: string;
}

export class CourtDecisionRecordedResponse {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ type: CourtDecisionResponse }) courtDecision: CourtDecisionResponse;
}

/** The order's newest referral, as far as a list shows it. */
export class ReferralSummaryResponse extends PickType(ReferralResponse, [
  'referralId',
  'referralNumber',
  'status',
  'centreName',
  'outreachSettlementCode',
] as const) {}

/** An order in a list, with where it stands: a list of orders needs no further request per order. */
export class OrderListItemResponse implements OrderListItem {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ example: 'TPO-2026-000123' }) orderNumber: string;
  @ApiProperty({ type: String, nullable: true, example: 'naryn-riib', description: 'The police unit that registered it' }) unitCode: string | null;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ format: 'date-time', description: 'As it stands, later after an extension' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The expiry first registered, once extended' })
  firstExpiresAt: string | null;
  @ApiProperty({ type: CourtDecisionResponse, nullable: true }) courtDecision: CourtDecisionResponse | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The perpetrator\'s name; null once erased at the end of the retention term' })
  perpetratorName: string | null;
  @ApiProperty({ enum: ORDER_STAGES }) stage: OrderStage;
  @ApiProperty({ type: ReferralSummaryResponse, nullable: true, description: 'The newest referral; null before routing' })
  referral: ReferralSummaryResponse | null;
  @ApiProperty({
    type: ProgrammeResponse,
    nullable: true,
    description: 'The programme on that referral as the caller\'s role reads it; null before a centre accepted, and for admins',
  })
  programme: ProgrammeResponse | null;
}

export class OrderPage {
  @ApiProperty({ type: [OrderListItemResponse] }) items: OrderListItemResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}
