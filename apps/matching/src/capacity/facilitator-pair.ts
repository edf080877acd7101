import { dayOf, toBishkekMinutes } from './bishkek-time';
import type { Facilitator, Language, Sex } from './capacity-types';

/**
 * The pair rule: every session is led by a man and a woman together, the one of the participant's sex
 * leading; both must be active, certified by the day of the session and speak its language.
 */
export const otherSex = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');

export function pairSexes(participantSex: Sex): { lead: Sex; co: Sex } {
  return { lead: participantSex, co: otherSex(participantSex) };
}

/** Local day from which the facilitator may run sessions; never for one not certified. */
export const certifiedDayOf = (f: Facilitator): number =>
  f.certifiedOn === null ? Infinity : dayOf(toBishkekMinutes(f.certifiedOn));

/** May this facilitator take the `sex` side of a pair for a session in `language` on local `day`? */
export function canFacilitate(f: Facilitator, sex: Sex, language: Language, day: number): boolean {
  return f.active && f.sex === sex && f.languages.includes(language) && certifiedDayOf(f) <= day;
}
