import { BookedProgrammeSession, ProgrammeSessionPlanV1 } from '@korgoo/contracts';
import { ProgrammeSession } from '../domain';
import { StoredProgramme } from './programme-store';

/** The ids every programme event carries: no names, no notes. */
export function programmeFacts(p: StoredProgramme) {
  return { programmeId: p.id, orderId: p.orderId, referralId: p.referralId, referralNumber: p.referralNumber, centreId: p.centreId };
}

type BookedIndex = Pick<BookedProgrammeSession, 'index' | 'bookedSessionId'>;

/** The pair-session matching booked for a session index, when its answer names it: one for a whole group. */
function bookedSessionOf(sessions: readonly BookedIndex[], index: number): { bookedSessionId?: string } {
  const id = sessions.find((s) => s.index === index)?.bookedSessionId;
  return id ? { bookedSessionId: id } : {};
}

/** Sessions as programme events name them: kind and times, and the pair-session matching booked where it said. */
export function sessionPlans(sessions: readonly ProgrammeSession[], booked: readonly BookedIndex[]): ProgrammeSessionPlanV1[] {
  return sessions.map((s) => ({
    index: s.index,
    kind: s.kind,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    ...bookedSessionOf(booked, s.index),
  }));
}
