import type { Language, Sex } from './capacity-types';

/**
 * Small groups merge. A group meeting below its minimum takes its members to another meeting of the same
 * centre, sex and language when every member can attend it (the meeting falls inside each member's window:
 * the spacing from their other sessions and their order's expiry) and the seats suffice; otherwise it runs
 * anyway, because cancelling would leave its members without the programme before their orders end.
 */
export interface GroupMeeting {
  id: string;
  centreId: string;
  sex: Sex;
  language: Language;
  startsAt: Date;
  seats: number;
  minParticipants: number;
  /** When each member's session may take place, from their other sessions and their order's expiry. */
  members: ReadonlyArray<{ earliest: Date; latest: Date }>;
}

export type MergeDecision = { kind: 'merge'; from: string; into: string } | { kind: 'run'; id: string };

/** May `from`'s members all move to `into`? Both must still lie ahead: a meeting under way is never moved. */
export function canMerge(from: GroupMeeting, into: GroupMeeting, now: Date, intoSize = into.members.length): boolean {
  const at = into.startsAt.getTime();
  return (
    from.id !== into.id &&
    from.centreId === into.centreId &&
    from.sex === into.sex &&
    from.language === into.language &&
    from.startsAt.getTime() > now.getTime() &&
    at > now.getTime() &&
    intoSize + from.members.length <= into.seats &&
    from.members.every((m) => m.earliest.getTime() <= at && at <= m.latest.getTime())
  );
}

/**
 * What to do with every meeting below its minimum, smallest first: merge it into the fullest meeting all its
 * members can attend (the earliest on a tie); one still below its minimum after that runs anyway. A meeting that absorbed another is not
 * moved itself, so members move at most once. `settled` meetings were decided before: they may take
 * members in but are neither moved nor decided again.
 */
export function planMerges(meetings: readonly GroupMeeting[], now: Date, settled: ReadonlySet<string> = new Set()): MergeDecision[] {
  const size = new Map(meetings.map((m) => [m.id, m.members.length]));
  const absorbed = new Set<string>();
  const receivers = new Set<string>();
  const decisions: MergeDecision[] = [];
  const small = meetings
    .filter((m) => m.members.length < m.minParticipants && !settled.has(m.id))
    .sort((a, b) => a.members.length - b.members.length || a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const from of small) {
    if (receivers.has(from.id)) continue;
    const into = meetings
      .filter((m) => !absorbed.has(m.id) && canMerge(from, m, now, size.get(m.id)))
      .sort((a, b) => size.get(b.id)! - size.get(a.id)! || a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1))[0];
    if (!into) continue;
    absorbed.add(from.id);
    receivers.add(into.id);
    size.set(into.id, size.get(into.id)! + from.members.length);
    decisions.push({ kind: 'merge', from: from.id, into: into.id });
  }
  for (const m of small) {
    if (!absorbed.has(m.id) && size.get(m.id)! < m.minParticipants) decisions.push({ kind: 'run', id: m.id });
  }
  return decisions;
}
