import { isFinal, Programme, ProgrammeSession } from './mandatory-programme';

/** Matching merged a small group: one member's group session now meets at another meeting's time. */
export interface GroupMove {
  sessionIndex: number;
  previousStartsAt: Date;
  startsAt: Date;
  endsAt: Date;
  facilitatorIds: string[];
}

/**
 * The session at its new time, or null when the move no longer applies: the programme has ended, the session
 * was recorded, or it is not at the merged meeting's time any more (moved already, so a repeat changes nothing).
 */
export function followGroupMove(programme: Programme, move: GroupMove): ProgrammeSession | null {
  if (isFinal(programme.state)) return null;
  const session = programme.sessions.find((s) => s.index === move.sessionIndex);
  if (!session || session.kind !== 'group' || session.mark !== null) return null;
  if (session.startsAt.getTime() !== move.previousStartsAt.getTime()) return null;
  return { ...session, startsAt: move.startsAt, endsAt: move.endsAt, facilitatorIds: [...move.facilitatorIds] };
}
