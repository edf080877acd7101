import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  isEmail,
  Matches,
  MaxLength,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { RECIPIENT_KINDS, RecipientKind } from './vocabulary';
import { CENTRE_ID, POLICE_UNIT_CODE } from './directory';
import { IsScope, Scope } from './scope';
import { LANGUAGES, type Language } from './vocabulary';

/**
 * Who the notification service tells, in which language and through which channels, and the commands
 * around them. These subjects are answered only by the notification service.
 */
export const NotificationCommandSubjects = {
  RecipientShow: 'query.notification.recipient.v1',
  RecipientConfigure: 'command.notification.recipient-configure.v1',
  ReferralAcknowledge: 'command.notification.referral-acknowledge.v1',
  NoticeAcknowledge: 'command.notification.notice-acknowledge.v1',
  FieldKeysRotate: 'command.notification.field-keys-rotate.v1',
} as const;
export type NotificationCommandSubject = (typeof NotificationCommandSubjects)[keyof typeof NotificationCommandSubjects];

/** Channels a recipient can list; the in-app inbox is always used and is never listed. */
export const EXTERNAL_CHANNELS = ['email', 'sms', 'telegram'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

export const INBOX_ENTRY_KINDS = [
  'referral_routed',
  'referral_unroutable',
  'referral_escalated',
  'referral_decision_reminder',
  'referral_expired',
  'referral_cancelled',
  'referral_withdrawn',
  'centre_unreachable',
  'article72_notice',
  'article72_unacknowledged',
  'police_unit_unreachable',
  'programme_attendance_missing',
  'programme_cannot_complete',
  'programme_reschedule_needed',
  'programme_follow_up_due',
  'programme_treatment_recheck',
  'group_session_moved',
  'sessions_replanned',
  'group_session_runs_small',
  'immediate_danger',
] as const;
export type InboxEntryKind = (typeof INBOX_ENTRY_KINDS)[number];

const PHONE = /^\+[1-9]\d{7,14}$/;
const TELEGRAM_CHAT = /^(-?\d{5,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/;

/** An address must fit its channel: an e-mail address, an international phone number, a Telegram chat. */
export function channelAddressProblem(channel: string, address: unknown): string | null {
  if (typeof address !== 'string') return 'address must be a string';
  if (channel === 'email') return isEmail(address) ? null : 'address must be an e-mail address';
  if (channel === 'sms') return PHONE.test(address) ? null : 'address must be an international phone number such as +996700000000';
  if (channel === 'telegram') {
    return TELEGRAM_CHAT.test(address) ? null : 'address must be a Telegram chat id (digits, may start with -) or @channel';
  }
  return null;
}

@ValidatorConstraint({ name: 'channelAddress' })
class ChannelAddress implements ValidatorConstraintInterface {
  validate(address: unknown, args: ValidationArguments): boolean {
    return channelAddressProblem((args.object as RecipientChannelSetting).channel, address) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    return channelAddressProblem((args.object as RecipientChannelSetting).channel, args.value) ?? 'address is invalid';
  }
}

export class RecipientChannelSetting {
  @IsIn(EXTERNAL_CHANNELS, { message: 'channel must be one of email, sms, telegram' }) channel: ExternalChannel;
  @IsString() @MaxLength(254) @Validate(ChannelAddress) address: string;
}

/** A recipient's language and its channels in the order they are tried. */
export class RecipientSettings {
  @IsIn(LANGUAGES, { message: 'language must be one of ky, ru, en' }) language: Language;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
  @IsArray()
  @ArrayMaxSize(EXTERNAL_CHANNELS.length)
  @ArrayUnique((setting: RecipientChannelSetting) => setting?.channel, { message: 'each channel may be listed once' })
  @ValidateNested({ each: true })
  @Type(() => RecipientChannelSetting)
  channels: RecipientChannelSetting[];
}

const UNIT_CODE_MESSAGE = { message: 'unitCode must be a police unit code such as naryn-riib' };

export class RecipientRef {
  @IsIn(RECIPIENT_KINDS) recipientKind: RecipientKind;
  @ValidateIf((ref: RecipientRef) => ref.recipientKind === 'centre')
  @Matches(CENTRE_ID, { message: 'centreId must be a centre id such as naryn-asylzat' })
  centreId?: string;
  @ValidateIf((ref: RecipientRef) => ref.recipientKind === 'police_unit')
  @Matches(POLICE_UNIT_CODE, UNIT_CODE_MESSAGE)
  unitCode?: string;
}

export class ConfigureRecipientCommand extends RecipientSettings {
  @IsIn(RECIPIENT_KINDS) recipientKind: RecipientKind;
  @ValidateIf((command: ConfigureRecipientCommand) => command.recipientKind === 'centre')
  @Matches(CENTRE_ID, { message: 'centreId must be a centre id such as naryn-asylzat' })
  centreId?: string;
  @ValidateIf((command: ConfigureRecipientCommand) => command.recipientKind === 'police_unit')
  @Matches(POLICE_UNIT_CODE, UNIT_CODE_MESSAGE)
  unitCode?: string;
}

/** A centre opened or accepted a referral: its notifications about it are acknowledged. */
export class AcknowledgeReferralCommand {
  @IsUUID() referralId: string;
  @Matches(CENTRE_ID) centreId: string;
  @IsIn(['opened', 'accepted']) via: 'opened' | 'accepted';
}

/**
 * An officer acknowledges an Article 72 notice in the unit's inbox. The unit scope limits it to the unit the
 * notice went to; another unit's entry is answered as missing.
 */
export class AcknowledgeNoticeCommand {
  @IsUUID() entryId: string;
  @IsScope() scope: Scope;
  @IsUUID() accountId: string;
}

/**
 * The admin's key rotation reaches the notification service: every contact address is brought under the
 * named key, which must already be first in the replica's FIELD_ENCRYPTION_KEYS (keys never travel on NATS).
 */
export class RotateContactAddressKeysCommand {
  @Matches(/^[a-z0-9-]{1,32}$/, { message: 'activeKeyId must be a field key id' }) activeKeyId: string;
}

export interface ContactAddressKeyRotation {
  activeKeyId: string;
  /** Recipients and delivery plans whose addresses were sealed or rewrapped by this run. */
  recipients: number;
  intents: number;
}

export interface NoticeAcknowledgement {
  entryId: string;
  acknowledgedAt: string;
  acknowledgedBy: string;
  /** False when the notice had been acknowledged before: the first acknowledgement stands. */
  recorded: boolean;
}

export interface RecipientView {
  recipientKind: RecipientKind;
  centreId: string | null;
  unitCode: string | null;
  displayName: string;
  language: Language;
  channels: Array<{ channel: ExternalChannel; address: string }>;
  updatedAt: string;
}

export interface NotificationCommandContracts {
  [NotificationCommandSubjects.RecipientShow]: { request: RecipientRef; reply: { recipient: RecipientView | null } };
  [NotificationCommandSubjects.RecipientConfigure]: { request: ConfigureRecipientCommand; reply: { recipient: RecipientView } };
  [NotificationCommandSubjects.ReferralAcknowledge]: { request: AcknowledgeReferralCommand; reply: { acknowledged: number } };
  [NotificationCommandSubjects.NoticeAcknowledge]: { request: AcknowledgeNoticeCommand; reply: NoticeAcknowledgement };
  [NotificationCommandSubjects.FieldKeysRotate]: { request: RotateContactAddressKeysCommand; reply: ContactAddressKeyRotation };
}

export const NotificationCommandRequestClasses: {
  [S in NotificationCommandSubject]: new () => NotificationCommandContracts[S]['request'];
} = {
  [NotificationCommandSubjects.RecipientShow]: RecipientRef,
  [NotificationCommandSubjects.RecipientConfigure]: ConfigureRecipientCommand,
  [NotificationCommandSubjects.ReferralAcknowledge]: AcknowledgeReferralCommand,
  [NotificationCommandSubjects.NoticeAcknowledge]: AcknowledgeNoticeCommand,
  [NotificationCommandSubjects.FieldKeysRotate]: RotateContactAddressKeysCommand,
};
