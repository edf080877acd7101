import { INDEX_INCIDENTS, RELATIONSHIPS, SEXES } from '@korgoo/contracts';
import { ScreeningError, type ScreeningContext } from './screening';

/** Checks the context at run time: a wrong value here would silently hide an eligibility flag. */
export function checkContext(context: ScreeningContext | undefined): ScreeningContext {
  if (context === null || typeof context !== 'object') {
    throw new ScreeningError('missing_field', 'context', 'the screening has no context (sexes, relationship, index incident, records check)');
  }
  requireOneOf(context.perpetratorSex, SEXES, 'context.perpetratorSex');
  requireOneOf(context.victimSex, SEXES, 'context.victimSex');
  requireOneOf(context.relationship, RELATIONSHIPS, 'context.relationship');
  requireOneOf(context.indexIncident, INDEX_INCIDENTS, 'context.indexIncident');
  if (typeof context.policeRecordsChecked !== 'boolean') {
    throw new ScreeningError(
      context.policeRecordsChecked === undefined ? 'missing_field' : 'invalid_value',
      'context.policeRecordsChecked',
      'context.policeRecordsChecked must be true or false',
    );
  }
  return context;
}

function requireOneOf(value: unknown, allowed: readonly string[], field: string): void {
  if (value === undefined) throw new ScreeningError('missing_field', field, `${field} is missing; one of ${allowed.join(', ')}`);
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new ScreeningError('invalid_value', field, `${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
}

/**
 * Why ODARA's norms may not hold for this case, one reason per cause.
 * ODARA was built on men who assaulted a female partner they were married to or lived with (or had lived with),
 * where the incident was physical contact or a credible death threat with a weapon.
 */
export function outsideValidatedPopulationReasons(context: ScreeningContext): string[] {
  const reasons: string[] = [];
  if (context.perpetratorSex === 'female') {
    reasons.push('The person the order is against is a woman; ODARA was built and validated on male perpetrators.');
  }
  if (context.perpetratorSex === context.victimSex) {
    reasons.push('Perpetrator and victim are the same sex; ODARA was validated on men who assaulted a female partner.');
  }
  if (context.relationship === 'dating_never_cohabited') {
    reasons.push('The couple never lived together; ODARA was validated on married, cohabiting or formerly cohabiting partners.');
  }
  if (context.relationship === 'other_family_member') {
    reasons.push('The victim is another family member, not a partner; ODARA was validated on violence between married, cohabiting or formerly cohabiting partners.');
  }
  if (context.indexIncident === 'other') {
    reasons.push('The incident involved neither physical contact nor a credible death threat with a weapon; ODARA was validated only on such incidents.');
  }
  return reasons;
}
