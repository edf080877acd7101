import 'reflect-metadata';
import { getMetadataStorage, IsString, MaxLength } from 'class-validator';
import { transformerMetadata } from '../transformer-metadata';
import { EventPayloadClasses } from './index';

/**
 * Events reach every subscriber and stay in JetStream for weeks, so they carry ids, codes, dates and
 * coarse places only. This walks every payload class (and every class nested in one) and refuses a text
 * field that could hold what a person typed: a string is allowed only when a pattern or a closed list
 * bounds it.
 */
const BOUNDING_RULES = new Set(['matches', 'isIn', 'isUuid', 'isIso8601', 'isEnum']);
/** Lists routing composes from its own codes and centre ids; nothing a person typed reaches them. */
const COMPOSED_BY_ROUTING = new Set(['ReferralUnroutableV1.reasons', 'ReferralEscalatedV1.reasons', 'ProgrammeExpiredUnplacedV1.reasons']);
const PERSONAL_FIELD = /(name|note|concern|comment|description|address|phone|email|text|body|pin)$/i;

type Finding = string;

function nestedType(target: Function, property: string): Function | undefined {
  return transformerMetadata.findTypeMetadata(target, property)?.typeFunction() as Function | undefined;
}

function inspect(target: Function, path: string, seen: Set<Function>): Finding[] {
  if (seen.has(target)) return [];
  seen.add(target);
  const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byProperty = new Map<string, typeof rules>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  const findings: Finding[] = [];
  for (const [property, propertyRules] of byProperty) {
    const where = `${path}.${property}`;
    const names = new Set(propertyRules.map((rule) => rule.name ?? rule.type));
    const holdsText = names.has('isString') || names.has('matches');
    if (holdsText && PERSONAL_FIELD.test(property)) findings.push(`${where}: a field named like personal data or free text`);
    const unbounded = names.has('isString') && ![...names].some((name) => BOUNDING_RULES.has(name));
    if (unbounded && !COMPOSED_BY_ROUTING.has(`${target.name}.${property}`)) findings.push(`${where}: text bounded by no pattern or list`);
    if (names.has('nestedValidation')) {
      const type = nestedType(target, property);
      if (type) findings.push(...inspect(type, where, seen));
    }
  }
  return findings;
}

describe('every event carries the minimum necessary', () => {
  it.each(Object.entries(EventPayloadClasses))('%s carries no free text and no names', (_subject, payloadClass) => {
    expect(inspect(payloadClass, payloadClass.name, new Set())).toEqual([]);
  });

  it('would notice a free-text field or a name', () => {
    class Leaky {}
    // The decorators a careless contract would use, applied by hand.
    IsString()(Leaky.prototype, 'remark');
    MaxLength(500)(Leaky.prototype, 'remark');
    IsString()(Leaky.prototype, 'victimName');
    expect(inspect(Leaky, 'Leaky', new Set())).toEqual(['Leaky.remark: text bounded by no pattern or list', 'Leaky.victimName: a field named like personal data or free text', 'Leaky.victimName: text bounded by no pattern or list']);
  });
});
