import { IsIn, IsISO8601, IsUUID, ValidateNested, IsDefined } from 'class-validator';
import { Type } from 'class-transformer';
import { EventSubject, EventSubjects } from './subjects';

/**
 * Every event travels in an envelope: `eventId` is also the JetStream message id and the inbox key,
 * `correlationId` is the protection order id, so one order can be followed through every service.
 */
export interface EventEnvelope<P = unknown> {
  eventId: string;
  subject: EventSubject;
  occurredAt: string;
  correlationId: string;
  producer: string;
  payload: P;
}

const envelopes = new Map<new () => object, new () => object>();

/** The envelope class for one payload class, made once: decorators register metadata globally. */
export function envelopeContract(payload: new () => object): new () => object {
  const known = envelopes.get(payload);
  if (known) return known;
  class Envelope {
    @IsUUID() eventId: string;
    @IsIn(Object.values(EventSubjects)) subject: EventSubject;
    @IsISO8601() occurredAt: string;
    @IsUUID() correlationId: string;
    @IsIn(['gateway', 'risk', 'matching', 'notification', 'programme']) producer: string;
    @IsDefined() @ValidateNested() @Type(() => payload) payload: object;
  }
  Object.defineProperty(Envelope, 'name', { value: `${payload.name}Envelope` });
  envelopes.set(payload, Envelope);
  return Envelope;
}
