import pino, { Logger } from 'pino';
import { KorgooConfig } from '@korgoo/config';

/**
 * Structured JSON logs. Known personal or secret fields are censored wherever they appear, as a second line
 * of defence: code logs ids and outcomes, never people.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'perpetrator',
  '*.perpetrator',
  'victim',
  '*.victim',
  'fullName',
  '*.fullName',
  'phone',
  '*.phone',
  'officerConcern',
  '*.officerConcern',
];

export function createServiceLog(config: Pick<KorgooConfig, 'service' | 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: config.service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
