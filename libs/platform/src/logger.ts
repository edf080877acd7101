import { LoggerService } from '@nestjs/common';
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

/** Lets NestJS write its own lines through the same pino logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}
  log(message: unknown, context?: string) {
    this.pino.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.pino.trace({ context }, String(message));
  }
}
