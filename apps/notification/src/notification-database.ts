import type { ServiceDatabase } from '@korgoo/platform';
import { Notification } from './delivery/notification.entity';
import { InboxEntry } from './inbox/inbox-entry.entity';
import { CreateNotificationSchema1764000000000 } from './migrations/1764000000000-create-notification-schema';
import { RecipientsAndDeliveryAttempts1765000000000 } from './migrations/1765000000000-recipients-and-delivery-attempts';
import { PoliceUnitNotices1797000000000 } from './migrations/1797000000000-police-unit-notices';
import { ImmediateDangerAlerts1797000000001 } from './migrations/1797000000001-immediate-danger-alerts';
import { AlertEscalation1797000000002 } from './migrations/1797000000002-alert-escalation';
import { IntentsByOrder1797000000003 } from './migrations/1797000000003-intents-by-order';
import { ClosedCases1798000000000 } from './migrations/1798000000000-closed-cases';
import { NoticesAwaitingUnit1798000000001 } from './migrations/1798000000001-notices-awaiting-unit';
import { DropEventDispatch1798000000002 } from './migrations/1798000000002-drop-event-dispatch';

/** The notification service's schema: its entities and migrations, in order. */
export const NOTIFICATION_DATABASE: ServiceDatabase = {
  schema: 'notification',
  entities: [Notification, InboxEntry],
  migrations: [
    CreateNotificationSchema1764000000000,
    RecipientsAndDeliveryAttempts1765000000000,
    PoliceUnitNotices1797000000000,
    ImmediateDangerAlerts1797000000001,
    AlertEscalation1797000000002,
    IntentsByOrder1797000000003,
    ClosedCases1798000000000,
    NoticesAwaitingUnit1798000000001,
    DropEventDispatch1798000000002,
  ],
};
