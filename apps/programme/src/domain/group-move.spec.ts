import { followGroupMove, GroupMove, recordAttendance } from './index';
import { DAY, HOUR, START, weeklyProgramme } from './weekly-programme.spec-fixture';

const third = new Date(START.getTime() + 14 * DAY);
const move: GroupMove = {
  sessionIndex: 3,
  previousStartsAt: third,
  startsAt: new Date(third.getTime() + DAY),
  endsAt: new Date(third.getTime() + DAY + 4 * HOUR),
  facilitatorIds: ['f-m2', 'f-w2'],
};

describe('following a merged group meeting', () => {
  it('puts the group session at the meeting it merged into, with that meeting’s pair', () => {
    const moved = followGroupMove(weeklyProgramme(29), move);
    expect(moved).toMatchObject({ index: 3, startsAt: move.startsAt, endsAt: move.endsAt, facilitatorIds: ['f-m2', 'f-w2'], mark: null });
  });

  it('changes nothing the second time, nor for a recorded session or an ended programme', () => {
    const p = weeklyProgramme(29);
    p.sessions[2] = followGroupMove(p, move)!;
    expect(followGroupMove(p, move)).toBeNull();

    const recorded = weeklyProgramme(29);
    for (const session of recorded.sessions.slice(0, 3)) {
      recordAttendance(recorded, { sessionIndex: session.index, mark: 'attended', excuseReason: null }, new Date(session.startsAt.getTime() + HOUR));
    }
    expect(followGroupMove(recorded, move)).toBeNull();

    const ended = weeklyProgramme(29);
    ended.state = 'cancelled';
    expect(followGroupMove(ended, move)).toBeNull();
  });
});
