import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { EventPayloadClasses, EventSubject, transformerMetadata } from '@korgoo/contracts';

/** A fixed time in the samples: nothing in a sample is about now. */
const SAMPLE_TIME = '2026-01-01T00:00:00.000Z';
const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';
/** Made-up values tried against a field's pattern, the first that fits is taken: codes, numbers, dates, times. */
const PATTERN_PLACEHOLDERS = ['xx', 'R-2026-000001', '2026-01-01', '2026-01', '09:00', '0'.repeat(64), 'X-0001'];

/**
 * A plain object shaped like what a contract accepts, read from its own rules: the first allowed code, the
 * lowest allowed number, a fixed id and time, a placeholder that fits the field's pattern, letters for free text,
 * nested contracts filled the same way, lists as short as allowed. The validator walks it as it walks a real
 * message (every event contract accepts its sample, the spec holds that). It never holds a person: nothing in
 * it is real.
 */
export function contractSample(contract: Function, depth = 0): Record<string, unknown> {
  const rules = getMetadataStorage().getTargetValidationMetadatas(contract, '', true, false);
  const byField = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) byField.set(rule.propertyName, [...(byField.get(rule.propertyName) ?? []), rule]);
  const sample: Record<string, unknown> = {};
  for (const [field, fieldRules] of byField) {
    const value = sampleValue(contract, field, fieldRules, depth);
    const many = fieldRules.some((rule) => rule.each === true || rule.name === 'isArray');
    const least = (fieldRules.find((rule) => rule.name === 'arrayMinSize')?.constraints[0] as number | undefined) ?? 1;
    sample[field] = many ? Array.from({ length: least }, () => value) : value;
  }
  return sample;
}

function sampleValue(contract: Function, field: string, rules: ValidationMetadata[], depth: number): unknown {
  const named = (name: string) => rules.find((rule) => rule.name === name);
  if (rules.some((rule) => rule.type === 'nestedValidation')) {
    const nested = transformerMetadata.findTypeMetadata(contract, field)?.typeFunction() as Function | undefined;
    // A contract that nests itself would never end.
    return nested && depth < 4 ? contractSample(nested, depth + 1) : {};
  }
  const allowed = named('isIn')?.constraints[0] as unknown[] | undefined;
  if (allowed?.length) return allowed[0];
  if (named('isUuid')) return SAMPLE_UUID;
  if (named('isIso8601') || named('isDateString')) return SAMPLE_TIME;
  if (named('isBoolean')) return false;
  if (named('isLatitude')) return 42.87;
  if (named('isLongitude')) return 74.59;
  if (named('isInt') || named('isNumber') || named('min') || named('max')) return (named('min')?.constraints[0] as number | undefined) ?? 0;
  const pattern = named('matches')?.constraints[0] as RegExp | undefined;
  if (pattern) return PATTERN_PLACEHOLDERS.find((placeholder) => pattern.test(placeholder)) ?? 'xx';
  return 'x'.repeat((named('minLength')?.constraints[0] as number | undefined) ?? 1);
}

/** An event of the subject as the messaging library receives it: the envelope around a sample payload. */
export function sampleEvent(subject: EventSubject): Record<string, unknown> {
  return {
    eventId: SAMPLE_UUID,
    subject,
    occurredAt: SAMPLE_TIME,
    correlationId: SAMPLE_UUID,
    producer: 'gateway',
    payload: contractSample(EventPayloadClasses[subject]),
  };
}
