import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

/** notification.sent.v1: a recipient was told about a referral through one channel. */
export class NotificationSentV1 {
  @IsUUID() notificationId: string;
  @IsUUID() orderId: string;
  @IsUUID() referralId: string;
  @IsUUID() sourceEventId: string;
  @IsIn(['centre', 'coordinators']) recipientKind: 'centre' | 'coordinators';
  @IsOptional() @IsString() centreId?: string;
  @IsIn(['inbox']) channel: 'inbox';
}
