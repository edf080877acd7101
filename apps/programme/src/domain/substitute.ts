import { isFinal, Programme, ProgrammeSession } from './mandatory-programme';

/** A colleague took an away facilitator's place at one of the participant's sessions; the time is unchanged. */
export interface Substitution {
  sessionIndex: number;
  startsAt: Date;
  facilitatorIds: string[];
}

/**
 * The session with its new pair, or null when the change no longer applies: the programme has ended, the
 * session was recorded or is at another time now, or it has that pair already (a redelivery).
 */
export function followSubstitution(programme: Programme, change: Substitution): ProgrammeSession | null {
  if (isFinal(programme.state)) return null;
  const session = programme.sessions.find((s) => s.index === change.sessionIndex);
  if (!session || session.mark !== null || session.startsAt.getTime() !== change.startsAt.getTime()) return null;
  if (session.facilitatorIds.join() === change.facilitatorIds.join()) return null;
  return { ...session, facilitatorIds: [...change.facilitatorIds] };
}
