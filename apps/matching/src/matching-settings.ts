import { KorgooConfig } from '@korgoo/config';
import { AcknowledgeWindowOverrides, parseAcknowledgeWindows } from './referrals/acknowledgement-window';

export interface MatchingSettings {
  handOffLimit: number;
  firstSessionMarginHours: number;
  maxTravelMinutes: number;
  deadlinePollMs: number;
  decisionReminderHours: number;
  /** How long before a group meeting its size is decided: merged into another, or run below its minimum. */
  groupDecisionLeadHours: number;
  osrmUrl: string | null;
  acknowledgeWindows: AcknowledgeWindowOverrides;
}

/**
 * Routing settings from the shared config; short acknowledgement windows (never in production) let a
 * rehearsal or a test see deadlines fall due in seconds.
 */
export function loadMatchingSettings(config: KorgooConfig): MatchingSettings {
  const text = config.routing.acknowledgeWindows;
  return {
    handOffLimit: config.routing.handOffLimit,
    firstSessionMarginHours: config.routing.firstSessionMarginHours,
    maxTravelMinutes: config.routing.maxTravelMinutes,
    deadlinePollMs: config.routing.deadlinePollMs,
    decisionReminderHours: config.routing.decisionReminderHours,
    groupDecisionLeadHours: config.routing.groupDecisionLeadHours,
    osrmUrl: config.routing.osrmUrl,
    acknowledgeWindows: text ? parseAcknowledgeWindows(text) : {},
  };
}
