import { EntityManager } from 'typeorm';
import { QueryRejected } from '@korgoo/contracts';
import { ProgrammeRuleViolation } from '../domain';
import { ProgrammeStore, StoredProgramme } from './programme-store';

/** The programme of a referral under its row lock, or a 404 the gateway passes on. */
export async function lockedProgramme(store: ProgrammeStore, tx: EntityManager, referralId: string): Promise<StoredProgramme> {
  const programme = await store.byReferral(tx, referralId, true);
  if (!programme) throw new QueryRejected('not_found', `no programme for referral ${referralId}`);
  return programme;
}

/** Runs a domain step; a broken rule becomes a 409 (or 400 for a missing note or re-check date) naming the rule. */
export function underProgrammeRules<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ProgrammeRuleViolation) {
      const badInput = error.code === 'note_required' || error.code === 'recheck_required';
      const refusals = error.refusal && [{ ...error.refusal, message: error.message }];
      throw new QueryRejected(badInput ? 'invalid_request' : 'conflict', error.message, refusals);
    }
    throw error;
  }
}

/** The first session not yet held: from there on, matching can give the calendar back. */
export function firstOpenSession(programme: StoredProgramme): number | null {
  return programme.sessions.find((s) => s.mark === null)?.index ?? null;
}
