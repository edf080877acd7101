import {
  isDangerAnswer,
  IMMEDIATE_DANGER_CRITICAL_KEYS,
  IMMEDIATE_DANGER_FURTHER_KEYS,
  IMMEDIATE_DANGER_FURTHER_THRESHOLD,
  type CriticalKey,
  type DangerAnswer,
} from '@korgoo/contracts';
import { ScreeningError, rejectUnknownKeys, type ImmediateDangerAnswers } from './screening';

export interface ImmediateDanger {
  present: boolean;
  reasons: string[];
}

const CRITICAL_REASONS: Record<CriticalKey, string> = {
  usedOrThreatenedWeapon: 'The victim says the person has used a weapon against her or him or threatened her or him with one.',
  threatenedToKill: 'The victim says the person has threatened to kill her or him or the children.',
  believesMightKill: 'The victim believes the person might try to kill her or him.',
};

/**
 * Lethality Assessment Program screen: separate from ODARA's recidivism risk, it decides whether the victim
 * needs an immediate call to a hotline. Unanswered questions never trigger it.
 */
export function assessImmediateDanger(answers: ImmediateDangerAnswers | undefined): ImmediateDanger {
  if (answers === null || typeof answers !== 'object') {
    throw new ScreeningError('missing_field', 'immediateDanger', 'the screening has no immediate-danger questions');
  }
  const critical = requireAnswers(answers.critical, IMMEDIATE_DANGER_CRITICAL_KEYS, 'immediateDanger.critical');
  const further = requireAnswers(answers.further, IMMEDIATE_DANGER_FURTHER_KEYS, 'immediateDanger.further');
  if (typeof answers.officerBelievesHighDanger !== 'boolean') {
    throw new ScreeningError(
      answers.officerBelievesHighDanger === undefined ? 'missing_field' : 'invalid_value',
      'immediateDanger.officerBelievesHighDanger',
      'immediateDanger.officerBelievesHighDanger must be true or false',
    );
  }

  const reasons: string[] = [];
  for (const key of IMMEDIATE_DANGER_CRITICAL_KEYS) {
    if (critical[key] === 'yes') reasons.push(CRITICAL_REASONS[key]);
  }
  let furtherYes = 0;
  for (const key of IMMEDIATE_DANGER_FURTHER_KEYS) {
    if (further[key] === 'yes') furtherYes++;
  }
  if (furtherYes >= IMMEDIATE_DANGER_FURTHER_THRESHOLD) {
    reasons.push(
      `${furtherYes} of ${IMMEDIATE_DANGER_FURTHER_KEYS.length} further danger questions answered yes (${IMMEDIATE_DANGER_FURTHER_THRESHOLD} or more trigger the screen).`,
    );
  }
  if (answers.officerBelievesHighDanger) {
    reasons.push('The officer believes the victim is in high danger.');
  }
  return { present: reasons.length > 0, reasons };
}

function requireAnswers<K extends string>(
  given: Partial<Record<K, DangerAnswer>> | undefined,
  keys: readonly K[],
  field: string,
): Partial<Record<K, DangerAnswer>> {
  if (given === undefined) return {};
  if (given === null || typeof given !== 'object') {
    throw new ScreeningError('invalid_value', field, `${field} must be an object of yes / no / not_answered answers`);
  }
  rejectUnknownKeys(given, keys, field);
  for (const key of keys) {
    const answer = given[key];
    if (answer !== undefined && !isDangerAnswer(answer)) {
      throw new ScreeningError('invalid_value', `${field}.${key}`, `${field}.${key} must be yes, no or not_answered, got ${JSON.stringify(answer)}`);
    }
  }
  return given;
}
