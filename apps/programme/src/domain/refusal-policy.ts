import { RefusalGround } from '@korgoo/contracts';
import { canStillFinish, Programme } from './mandatory-programme';

/** A named rule for when absences amount to a refusal under Article 72; the name goes into every notice. */
export interface RefusalPolicy {
  readonly name: string;
  /** The ground for refusal after the latest recorded session, or null while the programme goes on. */
  judge(programme: Programme): RefusalGround | null;
}

function explicitRefusal(programme: Programme): boolean {
  return programme.sessions.some((s) => s.mark === 'refused');
}

function unexcusedAbsences(programme: Programme): number {
  return programme.sessions.filter((s) => s.mark === 'unexcused_absence').length;
}

/** The default: the second unexcused absence, or the first after which the programme cannot finish in time. */
export const SECOND_UNEXCUSED_OR_CANNOT_FINISH: RefusalPolicy = {
  name: 'second-unexcused-or-cannot-finish',
  judge(programme) {
    if (explicitRefusal(programme)) return 'explicit_refusal';
    const unexcused = unexcusedAbsences(programme);
    if (unexcused >= 2) return 'unexcused_absences';
    if (unexcused === 1 && !canStillFinish(programme)) return 'cannot_finish_before_expiry';
    return null;
  },
};

/** A stricter or looser count of unexcused absences, without the expiry test. */
export function unexcusedLimit(limit: number): RefusalPolicy {
  return {
    name: `unexcused-limit-${limit}`,
    judge(programme) {
      if (explicitRefusal(programme)) return 'explicit_refusal';
      return unexcusedAbsences(programme) >= limit ? 'unexcused_absences' : null;
    },
  };
}

/** The policy a configuration names. */
export function refusalPolicyNamed(name: string): RefusalPolicy {
  if (name === SECOND_UNEXCUSED_OR_CANNOT_FINISH.name) return SECOND_UNEXCUSED_OR_CANNOT_FINISH;
  const limit = /^unexcused-limit-([1-4])$/.exec(name);
  if (limit) return unexcusedLimit(Number(limit[1]));
  throw new Error(`unknown refusal policy ${name}`);
}
