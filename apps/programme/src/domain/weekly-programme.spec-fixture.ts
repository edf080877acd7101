import { Programme } from './mandatory-programme';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const START = new Date('2026-03-02T05:00:00Z');

/** A men's programme of four 4-hour sessions a week apart from START, expiring `expiresInDays` after it. */
export function weeklyProgramme(expiresInDays: number): Programme {
  return {
    id: 'p1',
    referralId: 'r1',
    centreId: 'c1',
    track: 'men',
    expiresAt: new Date(START.getTime() + expiresInDays * DAY),
    state: 'scheduled',
    sessions: [1, 2, 3, 4].map((index) => {
      const startsAt = new Date(START.getTime() + (index - 1) * 7 * DAY);
      return {
        index,
        kind: index <= 2 ? 'individual' : 'group',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 4 * HOUR),
        facilitatorIds: ['f-m', 'f-w'],
        mark: null,
        excuseReason: null,
        recordedAt: null,
        displaced: false,
      };
    }),
  };
}
