import { ApiProperty } from '@nestjs/swagger';
import { INBOX_ENTRY_KINDS, InboxEntryKind, InboxEntryView, ReferralView } from '@korgoo/contracts';

const REFERRAL_STATUSES: ReferralView['status'][] = [
  'proposed',
  'unroutable',
  'accepted',
  'declined',
  'expired',
  'escalated',
  'cancelled',
];

/** A referral as matching reports it; the classes below only describe the replies for the OpenAPI document. */
export class ReferralResponse implements ReferralView {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ example: 'R-2026-000017' }) referralNumber: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: ReferralView['status'];
  @ApiProperty({ type: String, nullable: true, example: 'naryn-asylzat' }) centreId: string | null;
  @ApiProperty({ type: String, nullable: true }) centreName: string | null;
  @ApiProperty({ example: 'high' }) priority: string;
  @ApiProperty({ example: 'ky' }) language: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) acknowledgeBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) firstSessionAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) travelMinutes: number | null;
  @ApiProperty({ type: String, nullable: true }) travelSource: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'kazarman',
    description: "Gazetteer settlement of the centre's outreach point where the sessions are held; null at the centre",
  })
  outreachSettlementCode: string | null;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const NEXT_CURSOR = { type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page' } as const;

/** One page of referrals, newest first. */
export class ReferralPage {
  @ApiProperty({ type: [ReferralResponse] }) items: ReferralResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}

export class ReferralReply {
  @ApiProperty({ type: ReferralResponse }) referral: ReferralResponse;
}

/** A text in Kyrgyz, Russian and English. */
export class LocalizedText {
  @ApiProperty() ky: string;
  @ApiProperty() ru: string;
  @ApiProperty() en: string;
}

export class InboxEntryResponse implements InboxEntryView {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Null on an immediate-danger alert, which precedes any referral' })
  referralId: string | null;
  @ApiProperty({ type: String, nullable: true }) referralNumber: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The police order number, on notices to a police unit and immediate-danger alerts' }) orderNumber: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When an officer acknowledged the notice' })
  acknowledgedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The account that acknowledged the notice' })
  acknowledgedBy: string | null;
  @ApiProperty({ enum: INBOX_ENTRY_KINDS }) kind: InboxEntryKind;
  @ApiProperty({ type: LocalizedText }) title: LocalizedText;
  @ApiProperty() priority: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NoticeAcknowledgementResponse {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ format: 'date-time' }) acknowledgedAt: string;
  @ApiProperty({ format: 'uuid' }) acknowledgedBy: string;
  @ApiProperty({ description: 'false when the notice had been acknowledged before; the first acknowledgement stands' })
  recorded: boolean;
}

/** One page of the inbox, newest first, with the unread count of the whole inbox. */
export class InboxPage {
  @ApiProperty({ type: [InboxEntryResponse] }) items: InboxEntryResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
  @ApiProperty({ description: 'Unread entries in the whole inbox, not only this page' }) unread: number;
}
