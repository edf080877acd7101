import { FollowUpMeetingView, ProgrammeReader, ProgrammeView, QueryRejected, VoluntaryView } from '@korgoo/contracts';
import { completionRecord, FollowUpMeeting, VOLUNTARY_PLANS } from '../domain';
import { StoredNotice, StoredProgramme } from './programme-store';
import { StoredVoluntary } from './voluntary-store';

/** What follows the programme, read beside it. */
export interface AfterProgramme {
  notices: StoredNotice[];
  voluntary: StoredVoluntary | null;
  meetings: FollowUpMeeting[];
}

/**
 * What each reader sees: the centre that runs it and the coordinators see sessions with notes; police see
 * the outcome, the notices and whether each session was attended, never the notes.
 */
export function programmeView(
  p: StoredProgramme,
  { notices, voluntary, meetings }: AfterProgramme,
  reader: ProgrammeReader,
  centreId: string | undefined,
): ProgrammeView {
  // Another centre's programme answers as missing: not even its existence is told.
  if (reader === 'centre' && p.centreId !== centreId) throw new QueryRejected('not_found', `no programme for referral ${p.referralId}`);
  const full = reader !== 'police';
  return {
    programmeId: p.id,
    referralId: p.referralId,
    referralNumber: p.referralNumber,
    orderId: p.orderId,
    centreId: p.centreId,
    track: p.track,
    language: p.language,
    expiresAt: p.expiresAt.toISOString(),
    state: p.state,
    outcomeAt: p.outcomeAt?.toISOString() ?? null,
    closure: p.closure
      ? {
          reason: p.closure.reason,
          note: full ? p.closure.note : null,
          decidedBy: p.closure.decidedBy,
          decidedAt: p.outcomeAt!.toISOString(),
          recheckOn: p.closure.recheckOn,
        }
      : null,
    completion: p.state === 'completed' ? completionRecord(p.referralNumber, p.centreId, p.outcomeAt!) : null,
    voluntary: voluntary ? voluntaryView(voluntary, full) : null,
    monitoring: meetings.map(meetingView),
    notices: notices.map((n) => ({
      noticeId: n.id,
      ground: n.ground,
      refusalPolicy: n.refusalPolicy,
      sessionsOffered: n.sessionsOffered,
      missed: n.missed,
      reportedAt: n.reportedAt.toISOString(),
    })),
    sessions: p.sessions.map((s) => {
      const summary = { index: s.index, kind: s.kind, startsAt: s.startsAt.toISOString(), mark: s.mark };
      if (!full) return summary;
      return {
        ...summary,
        endsAt: s.endsAt.toISOString(),
        centreId: p.centreId,
        facilitatorIds: s.facilitatorIds,
        language: p.language,
        excuseReason: s.excuseReason,
        excuseNote: s.excuseNote,
        facilitatorNote: s.facilitatorNote,
        signedBy: s.signedBy,
        recordedAt: s.recordedAt?.toISOString() ?? null,
      };
    }),
  };
}

function voluntaryView(v: StoredVoluntary, full: boolean): VoluntaryView {
  return {
    state: v.state,
    enrolledAt: v.enrolledAt.toISOString(),
    plannedEnd: v.plannedEnd.toISOString(),
    outcomeAt: v.outcomeAt?.toISOString() ?? null,
    plan: VOLUNTARY_PLANS[v.track],
    sessions: v.sessions.map((s) => {
      const summary = { number: s.number, kind: s.kind, heldAt: s.heldAt.toISOString(), mark: s.mark };
      if (!full) return summary;
      return {
        ...summary,
        excuseReason: s.excuseReason,
        excuseNote: s.excuseNote,
        facilitatorNote: s.facilitatorNote,
        signedBy: s.signedBy,
        recordedAt: s.recordedAt.toISOString(),
      };
    }),
  };
}

function meetingView(m: FollowUpMeeting): FollowUpMeetingView {
  return {
    number: m.number,
    monthsAfterCompletion: m.monthsAfterCompletion,
    dueAt: m.dueAt.toISOString(),
    outcome: m.outcome,
    recordedAt: m.recordedAt?.toISOString() ?? null,
  };
}
