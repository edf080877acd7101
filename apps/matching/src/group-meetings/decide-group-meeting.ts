import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { GroupMeeting, planMerges } from '../capacity/group-merge';
import { memberWindow } from '../capacity/member-window';
import { DueMeeting, GroupMeetingStore, StoredMeeting, StoredMember } from './group-meeting-store';

/**
 * A set time before a group meeting, its size is decided once: below its minimum it merges into another
 * meeting of the centre that every member can attend, or takes in a smaller one, and what stays below its
 * minimum runs anyway. Runs under the centre's lock, in the transaction that claimed the meeting; every
 * member's referral hears what became of their session.
 */
export class DecideGroupMeeting {
  constructor(
    private readonly store: GroupMeetingStore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, due: DueMeeting): Promise<void> {
    const now = this.clock.now();
    const meetings = await this.store.upcomingMeetings(tx, due.centreId, now);
    const members = await this.store.members(tx, meetings.map((m) => m.id));
    const byId = new Map(meetings.map((m) => [m.id, m]));
    const membersOf = (id: string) => members.filter((m) => m.bookedSessionId === id);
    const settled = new Set(meetings.filter((m) => m.decided).map((m) => m.id));
    const plan = planMerges(
      meetings.map((m) => toGroupMeeting(due.centreId, m, membersOf(m.id))),
      now,
      settled,
    );
    const size = (id: string) => membersOf(id).length;
    const meetingFacts = (m: StoredMeeting) => ({ id: m.id, centreId: due.centreId, startsAt: m.startsAt, participants: size(m.id) });

    // Only what concerns the due meeting is carried out now; the others are decided when they fall due.
    let runsSmall = false;
    let merged = false;
    for (const decision of plan) {
      if (decision.kind === 'run') {
        runsSmall ||= decision.id === due.bookedSessionId;
        continue;
      }
      if (decision.from !== due.bookedSessionId && decision.into !== due.bookedSessionId) continue;
      const from = byId.get(decision.from)!;
      const into = byId.get(decision.into)!;
      await this.store.movePlaces(tx, from.id, into.id);
      await this.store.record(tx, meetingFacts(from), 'merged', now, into.id);
      for (const member of membersOf(from.id)) {
        await this.outbox.enqueue(tx, EventSubjects.ReferralGroupSessionMoved, member.orderId, {
          ...memberFacts(due.centreId, member, from, size(from.id), now),
          fromBookedSessionId: from.id,
          previousStartsAt: from.startsAt.toISOString(),
          bookedSessionId: into.id,
          startsAt: into.startsAt.toISOString(),
          endsAt: into.endsAt.toISOString(),
          facilitatorIds: into.facilitatorIds,
        });
      }
      merged ||= decision.from === due.bookedSessionId;
    }
    if (merged) return;
    const meeting = byId.get(due.bookedSessionId)!;
    if (!runsSmall) {
      await this.store.record(tx, meetingFacts(meeting), 'reached_minimum', now);
      return;
    }
    // Members it took in hear both: that they moved, and that the meeting runs below its minimum.
    const stayed = await this.store.members(tx, [meeting.id]);
    await this.store.record(tx, { ...meetingFacts(meeting), participants: stayed.length }, 'runs_below_minimum', now);
    for (const member of stayed) {
      await this.outbox.enqueue(tx, EventSubjects.ReferralGroupSessionRunsSmall, member.orderId, {
        ...memberFacts(due.centreId, member, meeting, stayed.length, now),
        bookedSessionId: meeting.id,
        startsAt: meeting.startsAt.toISOString(),
      });
    }
  }
}

function toGroupMeeting(centreId: string, meeting: StoredMeeting, members: StoredMember[]): GroupMeeting {
  return {
    id: meeting.id,
    centreId,
    sex: meeting.sex,
    language: meeting.language,
    startsAt: meeting.startsAt,
    seats: meeting.maxParticipants,
    minParticipants: meeting.minParticipants,
    members: members.map((member) => {
      const own = member.sessions.find((s) => s.index === member.sessionIndex)!;
      return memberWindow(own, member.sessions.filter((s) => s !== own), member.expiresAt);
    }),
  };
}

function memberFacts(centreId: string, member: StoredMember, meeting: StoredMeeting, participants: number, at: Date) {
  return {
    referralId: member.referralId,
    orderId: member.orderId,
    referralNumber: member.referralNumber,
    centreId,
    sessionIndex: member.sessionIndex,
    participants,
    minParticipants: meeting.minParticipants,
    decidedAt: at.toISOString(),
  };
}
