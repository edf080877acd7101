/** The slice of a pino logger the messaging core needs; pino loggers satisfy it. */
export interface MessagingLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}
