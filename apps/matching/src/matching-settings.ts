import { KorgooConfig } from '@korgoo/config';
import { AcknowledgeWindowOverrides, parseAcknowledgeWindows } from './referrals/acknowledgement-window';

/** The shared config's routing settings, with the acknowledgement windows read from their text. */
export type MatchingSettings = Omit<KorgooConfig['routing'], 'acknowledgeWindows'> & { acknowledgeWindows: AcknowledgeWindowOverrides };

/**
 * Routing settings from the shared config; short acknowledgement windows (never in production) let a
 * rehearsal or a test see deadlines fall due in seconds.
 */
export function loadMatchingSettings(config: KorgooConfig): MatchingSettings {
  const text = config.routing.acknowledgeWindows;
  return { ...config.routing, acknowledgeWindows: text ? parseAcknowledgeWindows(text) : {} };
}
