import {
  EventEnvelope,
  EventSubjects,
  ReferralCancelledV1,
  ReferralEscalatedV1,
  ReferralExpiredV1,
  ReferralReroutedV1,
  ReferralRoutedV1,
  ReferralUnroutableV1,
  RoutingPriority,
  RecipientKind,
} from '@korgoo/contracts';
import { MessageFacts, MessageKind } from '../templates/message-templates';

/** One recipient to tell about one event: the unit that is delivered exactly once per channel. */
export interface IntentSpec {
  sourceEventId: string;
  orderId: string;
  referralId: string;
  recipientKind: RecipientKind;
  centreId: string | null;
  kind: MessageKind;
  /** Null when the event does not carry it; the referral's earlier notifications then tell it. */
  priority: RoutingPriority | null;
  facts: MessageFacts;
  /** The centre a message to coordinators is about. */
  aboutCentreId: string | null;
}

function base(envelope: EventEnvelope<{ referralId: string; orderId: string; referralNumber: string }>) {
  return {
    sourceEventId: envelope.eventId,
    orderId: envelope.payload.orderId,
    referralId: envelope.payload.referralId,
  };
}

/** A new proposal goes to its centre, whether routed first or handed on after a decline or a missed deadline. */
export function routedIntent(envelope: EventEnvelope<ReferralRoutedV1 | ReferralReroutedV1>): IntentSpec {
  const { payload } = envelope;
  return {
    ...base(envelope),
    recipientKind: 'centre',
    centreId: payload.centreId,
    kind: 'referral_routed',
    priority: payload.priority,
    facts: {
      referralNumber: payload.referralNumber,
      priority: payload.priority,
      acknowledgeBy: payload.acknowledgeBy,
      firstSessionAt: payload.firstSessionAt,
    },
    aboutCentreId: null,
  };
}

export function unroutableIntent(envelope: EventEnvelope<ReferralUnroutableV1>): IntentSpec {
  const { payload } = envelope;
  return coordinators(envelope, 'referral_unroutable', payload.priority, { referralNumber: payload.referralNumber, priority: payload.priority });
}

export function escalatedIntent(envelope: EventEnvelope<ReferralEscalatedV1>): IntentSpec {
  const { payload } = envelope;
  return coordinators(envelope, 'referral_escalated', payload.priority, { referralNumber: payload.referralNumber, priority: payload.priority });
}

/** A missed deadline is a reminder for the coordinators: matching hands the referral on, they watch it. */
export function expiredIntent(envelope: EventEnvelope<ReferralExpiredV1>): IntentSpec {
  const { payload } = envelope;
  return {
    ...coordinators(envelope, 'referral_expired', null, {
      referralNumber: payload.referralNumber,
      acknowledgeBy: payload.acknowledgeBy,
    }),
    aboutCentreId: payload.centreId,
  };
}

/** The centre holding the referral stops planning it; one never placed was the coordinators' to watch. */
export function cancelledIntent(envelope: EventEnvelope<ReferralCancelledV1>): IntentSpec {
  const { payload } = envelope;
  const facts = { referralNumber: payload.referralNumber };
  if (!payload.centreId) return coordinators(envelope, 'referral_cancelled', null, facts);
  return { ...base(envelope), recipientKind: 'centre', centreId: payload.centreId, kind: 'referral_cancelled', priority: null, facts, aboutCentreId: null };
}

/** When every channel of a centre failed, the coordinators are told, with the same guarantees. */
export function unreachableNotice(intent: {
  sourceEventId: string;
  orderId: string;
  referralId: string;
  centreId: string;
  referralNumber: string;
  priority: RoutingPriority | null;
}): IntentSpec {
  return {
    sourceEventId: intent.sourceEventId,
    orderId: intent.orderId,
    referralId: intent.referralId,
    recipientKind: 'coordinators',
    centreId: null,
    kind: 'centre_unreachable',
    priority: intent.priority,
    facts: { referralNumber: intent.referralNumber },
    aboutCentreId: intent.centreId,
  };
}

function coordinators(
  envelope: EventEnvelope<{ referralId: string; orderId: string; referralNumber: string }>,
  kind: MessageKind,
  priority: RoutingPriority | null,
  facts: MessageFacts,
): IntentSpec {
  return { ...base(envelope), recipientKind: 'coordinators', centreId: null, kind, priority, facts, aboutCentreId: null };
}

/** The referral events that address someone; accepted acknowledges, declined is followed by a reroute or escalation. */
export const ADDRESSED_SUBJECTS = [
  EventSubjects.ReferralRouted,
  EventSubjects.ReferralRerouted,
  EventSubjects.ReferralUnroutable,
  EventSubjects.ReferralEscalated,
  EventSubjects.ReferralExpired,
  EventSubjects.ReferralCancelled,
] as const;
