import type { ServiceDatabase } from '@korgoo/platform';
import { AnnouncedRoster1797700000000 } from './migrations/1797700000000-announced-roster';
import { CentreCalendarVersion1797500000000 } from './migrations/1797500000000-centre-calendar-version';
import { CreateMatchingSchema1764000000000 } from './migrations/1764000000000-create-matching-schema';
import { DecisionRecordFields1796100000000 } from './migrations/1796100000000-decision-record-fields';
import { DecisionReminders1797100000000 } from './migrations/1797100000000-decision-reminders';
import { FirstDecisionInHistoryOnly1798100000000 } from './migrations/1798100000000-first-decision-in-history-only';
import { DropReferralDecisionCopy1798200000000 } from './migrations/1798200000000-drop-referral-decision-copy';
import { GroupMeetingDecisions1797800000000 } from './migrations/1797800000000-group-meeting-decisions';
import { GroupSlots1797400000000 } from './migrations/1797400000000-group-slots';
import { OrderPeriod1797600000000 } from './migrations/1797600000000-order-period';
import { OutreachPoints1797900000000 } from './migrations/1797900000000-outreach-points';
import { ReferralEndsAtAcceptance1797300000000 } from './migrations/1797300000000-referral-ends-at-acceptance';
import { ReferralListOrder1797200000000 } from './migrations/1797200000000-referral-list-order';
import { ReferralLoop1795597200000 } from './migrations/1795597200000-referral-loop';

/** The matching service's schema: its entities and migrations, in order. */
export const MATCHING_DATABASE: ServiceDatabase = {
  schema: 'matching',
  entities: [],
  migrations: [
    CreateMatchingSchema1764000000000,
    ReferralLoop1795597200000,
    DecisionRecordFields1796100000000,
    DecisionReminders1797100000000,
    ReferralListOrder1797200000000,
    ReferralEndsAtAcceptance1797300000000,
    GroupSlots1797400000000,
    CentreCalendarVersion1797500000000,
    OrderPeriod1797600000000,
    AnnouncedRoster1797700000000,
    GroupMeetingDecisions1797800000000,
    OutreachPoints1797900000000,
    FirstDecisionInHistoryOnly1798100000000,
    DropReferralDecisionCopy1798200000000,
  ],
};
