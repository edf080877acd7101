import { bishkekDayNumber } from '../../apps/matching/src/capacity/bishkek-time';
import { BookedSession, bookedSessionOf, Language, PlannedSession, Sex } from '../../apps/matching/src/capacity/capacity-types';

/**
 * One centre's booked sessions as one policy has filled them. Sessions that have ended are dropped,
 * so a feasibility check only ever sees the weeks ahead.
 */
export class CentreBookings {
  private sessions: BookedSession[] = [];
  private readonly byId = new Map<string, BookedSession>();
  private nextId = 1;
  /** End of each live placement's last session, to count the centre's current load. */
  private placementEnds: number[] = [];
  /**
   * Sessions held over the whole run (released ones taken off), to see how full groups get: all groups, and
   * apart the meetings of declared slots, whose hours are kept for them, from groups a pair opened in its own time,
   * and of those the women's: few women are ordered, so their groups rarely find a second member.
   */
  readonly tally = { individual: 0, groups: 0, groupSeats: 0, slotMeetings: 0, slotSeats: 0, womenGroups: 0, womenSeats: 0 };
  /** Sex of each group's participants, by session id. */
  private readonly groupSex = new Map<string, Sex>();
  /** Sessions held at each of the centre's outreach points over the run, by Bishkek day number (released ones taken off). */
  readonly pointDays = new Map<string, Map<number, number>>();

  constructor(readonly centreId: string) {}

  get booked(): BookedSession[] {
    return this.sessions;
  }

  get size(): number {
    return this.sessions.length;
  }

  /** Drops what ended before `now`; nothing routed from `now` on can use it. */
  prune(now: number): void {
    if (this.sessions.some((s) => s.endsAt.getTime() <= now)) {
      this.sessions = this.sessions.filter((s) => {
        if (s.endsAt.getTime() > now) return true;
        this.byId.delete(s.id);
        return false;
      });
    }
    if (this.placementEnds.some((end) => end <= now)) this.placementEnds = this.placementEnds.filter((end) => end > now);
  }

  activeLoad(): number {
    return this.placementEnds.length;
  }

  /** Holds a plan's sessions, joining booked groups, at the outreach point when given; returns the session ids to release it later. */
  book(plan: readonly PlannedSession[], language: Language, sex: Sex, outreachPointId?: string): string[] {
    const ids: string[] = [];
    for (const session of plan) {
      if (session.joinsBookedSessionId) {
        const group = this.byId.get(session.joinsBookedSessionId);
        if (!group) throw new Error(`group session ${session.joinsBookedSessionId} is not booked at ${this.centreId}`);
        group.participants++;
        this.countSeat(group, 1);
        ids.push(group.id);
        continue;
      }
      const booked = bookedSessionOf(session, `${this.centreId}#${this.nextId++}`, language, outreachPointId);
      this.sessions.push(booked);
      this.byId.set(booked.id, booked);
      if (booked.kind === 'group') this.groupSex.set(booked.id, sex);
      this.countAtPoint(booked, 1);
      if (booked.kind === 'individual') this.tally.individual++;
      else this.countGroup(booked, 1);
      ids.push(booked.id);
    }
    this.placementEnds.push(Math.max(...plan.map((s) => s.endsAt.getTime())));
    return ids;
  }

  /** Gives a declined or missed plan back: a shared group loses one participant, a lone session goes. */
  release(ids: readonly string[], lastSessionEnd: number): void {
    for (const id of ids) {
      const session = this.byId.get(id);
      if (!session) continue;
      if (--session.participants > 0) {
        this.countSeat(session, -1);
        continue;
      }
      if (session.kind === 'individual') this.tally.individual--;
      else this.countGroup(session, -1);
      this.countAtPoint(session, -1);
      this.byId.delete(id);
      this.groupSex.delete(id);
      this.sessions = this.sessions.filter((s) => s !== session);
    }
    const i = this.placementEnds.indexOf(lastSessionEnd);
    if (i !== -1) this.placementEnds.splice(i, 1);
  }

  /** A session held at an outreach point (1), or given back (-1). */
  private countAtPoint(session: BookedSession, change: 1 | -1): void {
    if (session.outreachPointId === undefined) return;
    const days = this.pointDays.get(session.outreachPointId) ?? new Map<number, number>();
    const day = bishkekDayNumber(session.startsAt);
    const sessions = (days.get(day) ?? 0) + change;
    if (sessions > 0) days.set(day, sessions);
    else days.delete(day);
    this.pointDays.set(session.outreachPointId, days);
  }

  /** One participant more (1) or less (-1) in a group. */
  private countSeat(group: BookedSession, change: 1 | -1): void {
    if (group.kind !== 'group') return;
    this.tally.groupSeats += change;
    if (group.groupSlotId !== undefined) this.tally.slotSeats += change;
    else if (this.groupSex.get(group.id) === 'female') this.tally.womenSeats += change;
  }

  /** A group opened with its first participant (1), or gone with its last (-1). */
  private countGroup(group: BookedSession, change: 1 | -1): void {
    this.tally.groups += change;
    if (group.groupSlotId !== undefined) this.tally.slotMeetings += change;
    else if (this.groupSex.get(group.id) === 'female') this.tally.womenGroups += change;
    this.countSeat(group, change);
  }
}
