import { BookedProgrammeSession } from '@korgoo/contracts';
import { StoredProgramme } from './programme-store';

/** The ids every programme event carries: no names, no notes. */
export function programmeFacts(p: StoredProgramme) {
  return { programmeId: p.id, orderId: p.orderId, referralId: p.referralId, referralNumber: p.referralNumber, centreId: p.centreId };
}

/** The pair-session matching booked for a session index, when its answer names it: one for a whole group. */
export function bookedSessionOf(sessions: readonly BookedProgrammeSession[], index: number): { bookedSessionId?: string } {
  const id = sessions.find((s) => s.index === index)?.bookedSessionId;
  return id ? { bookedSessionId: id } : {};
}
