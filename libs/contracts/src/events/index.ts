import { EventSubject, EventSubjects } from '../subjects';
import { NotificationSentV1 } from './notification-sent.v1';
import { OrderRegisteredV1 } from './order-registered.v1';
import { ReferralRoutedV1, ReferralUnroutableV1 } from './referral.v1';
import { RiskAssessedV1 } from './risk-assessed.v1';

export * from './notification-sent.v1';
export * from './order-registered.v1';
export * from './referral.v1';
export * from './risk-assessed.v1';

/** Which payload class each event subject carries. */
export const EventPayloadClasses = {
  [EventSubjects.OrderRegistered]: OrderRegisteredV1,
  [EventSubjects.RiskAssessed]: RiskAssessedV1,
  [EventSubjects.ReferralRouted]: ReferralRoutedV1,
  [EventSubjects.ReferralUnroutable]: ReferralUnroutableV1,
  [EventSubjects.NotificationSent]: NotificationSentV1,
} satisfies Record<EventSubject, new () => object>;

export type EventPayload<S extends EventSubject> = InstanceType<(typeof EventPayloadClasses)[S]>;
