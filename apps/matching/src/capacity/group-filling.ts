/**
 * Groups fill toward their size: a participant joins open groups of their sex and language rather than
 * opening new ones, even if that starts the programme a little later. Opening a group for one person costs
 * a pair a whole session; each seat taken in an open group costs nothing.
 */

/**
 * How much later the first session may start so that the group sessions land in open groups. Groups meet
 * weekly, so within a week every open group comes round once; more would only postpone the programme.
 */
export const GROUP_FILL_MAX_DELAY_DAYS = 7;

export interface GroupPlanFound {
  /** Local day number of the first session. */
  firstDay: number;
  /** Group sessions that join a booked group instead of opening one. */
  joins: number;
}

/**
 * Searches the earliest plan, then, when it leaves group sessions to be opened, the earliest plan joining
 * more open groups whose first session is at most GROUP_FILL_MAX_DELAY_DAYS later. `search(minJoins,
 * lastFirstDay)` is the earliest plan with at least `minJoins` joins that starts by `lastFirstDay`.
 */
export function preferFilledGroups<P extends GroupPlanFound>(
  groupSessions: number,
  latestFirstDay: number,
  hasOpenGroups: boolean,
  search: (minJoins: number, lastFirstDay: number) => P | null,
): P | null {
  const earliest = search(0, latestFirstDay);
  if (!earliest || !hasOpenGroups) return earliest;
  const lastFirstDay = Math.min(latestFirstDay, earliest.firstDay + GROUP_FILL_MAX_DELAY_DAYS);
  for (let minJoins = groupSessions; minJoins > earliest.joins; minJoins--) {
    const fuller = search(minJoins, lastFirstDay);
    if (fuller) return fuller;
  }
  return earliest;
}
