import { KorgooConfig } from '@korgoo/config';
import { AcknowledgeWindowOverrides, parseAcknowledgeWindows } from './referrals/acknowledgement-window';

export interface MatchingSettings {
  handOffLimit: number;
  firstSessionMarginHours: number;
  deadlinePollMs: number;
  osrmUrl: string | null;
  acknowledgeWindows: AcknowledgeWindowOverrides;
}

/**
 * Routing settings from the shared config, plus `ACKNOWLEDGE_WINDOWS` (matching only, never in production):
 * short acknowledgement windows so a rehearsal or a test sees deadlines fall due in seconds.
 */
export function loadMatchingSettings(config: KorgooConfig, env: NodeJS.ProcessEnv = process.env): MatchingSettings {
  const text = env.ACKNOWLEDGE_WINDOWS?.trim() ?? '';
  if (text !== '' && config.environment === 'production') {
    throw new Error('ACKNOWLEDGE_WINDOWS is for rehearsals and tests; production follows the risk policy');
  }
  return {
    handOffLimit: config.routing.handOffLimit,
    firstSessionMarginHours: config.routing.firstSessionMarginHours,
    deadlinePollMs: config.routing.deadlinePollMs,
    osrmUrl: config.routing.osrmUrl,
    acknowledgeWindows: text === '' ? {} : parseAcknowledgeWindows(text),
  };
}
