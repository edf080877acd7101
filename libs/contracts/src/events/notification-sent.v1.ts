import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { CENTRE_ID, POLICE_UNIT_CODE } from '../directory';
import { RECIPIENT_KINDS, RecipientKind } from '../vocabulary';

export const NOTIFICATION_CHANNELS = ['inbox', 'email', 'sms', 'telegram'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Both delivery events name the order, the event that was told and the recipient it was told to: ids and codes only. */
class DeliveryFacts {
  @IsUUID() orderId: string;
  /** Left out for an alert about an order that has no referral yet (immediate danger). */
  @IsOptional() @IsUUID() referralId?: string;
  @IsUUID() sourceEventId: string;
  @IsIn(RECIPIENT_KINDS) recipientKind: RecipientKind;
  @IsOptional() @Matches(CENTRE_ID) centreId?: string;
  @IsOptional() @Matches(POLICE_UNIT_CODE) unitCode?: string;
}

/** notification.sent.v1: a recipient was told about a referral or its programme through one channel. */
export class NotificationSentV1 extends DeliveryFacts {
  @IsUUID() notificationId: string;
  @IsIn(NOTIFICATION_CHANNELS) channel: NotificationChannel;
}

/** notification.failed.v1: every channel of a recipient failed; coordinators were told in their inbox. */
export class NotificationFailedV1 extends DeliveryFacts {
  @IsIn(NOTIFICATION_CHANNELS, { each: true }) attemptedChannels: NotificationChannel[];
}

/** Alerts that must be acknowledged by a person, and are told again until one is. */
export const ESCALATING_ALERTS = ['immediate_danger', 'article72_notice'] as const;
export type EscalatingAlert = (typeof ESCALATING_ALERTS)[number];

/**
 * notification.alert_unacknowledged.v1: an immediate-danger alert or an Article 72 notice was not acknowledged
 * in time; its recipients are told again (round 1 is the first repeat). Ids only: what the alert said stays
 * in the notification service.
 */
export class AlertUnacknowledgedV1 {
  @IsUUID() alertEventId: string;
  @IsUUID() orderId: string;
  @IsIn(ESCALATING_ALERTS) alert: EscalatingAlert;
  @IsInt() @Min(1) @Max(100) round: number;
}
