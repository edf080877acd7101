import { GROUP_FILL_MAX_DELAY_DAYS, GroupPlanFound, preferFilledGroups } from './group-filling';

/** A search over fixed candidate plans: the earliest with enough joins that starts in time. */
function searchOver(plans: GroupPlanFound[]) {
  const calls: Array<[number, number]> = [];
  const search = (minJoins: number, lastFirstDay: number) => {
    calls.push([minJoins, lastFirstDay]);
    const fitting = plans.filter((p) => p.joins >= minJoins && p.firstDay <= lastFirstDay);
    return fitting.sort((a, b) => a.firstDay - b.firstDay)[0] ?? null;
  };
  return { search, calls };
}

describe('preferFilledGroups', () => {
  it('takes a plan joining both groups over an earlier one that opens new groups', () => {
    const { search } = searchOver([
      { firstDay: 10, joins: 0 },
      { firstDay: 12, joins: 1 },
      { firstDay: 13, joins: 2 },
    ]);
    expect(preferFilledGroups(2, 30, true, search)).toEqual({ firstDay: 13, joins: 2 });
  });

  it('settles for one join when no plan in reach joins two', () => {
    const { search } = searchOver([
      { firstDay: 10, joins: 0 },
      { firstDay: 12, joins: 1 },
      { firstDay: 10 + GROUP_FILL_MAX_DELAY_DAYS + 1, joins: 2 },
    ]);
    expect(preferFilledGroups(2, 30, true, search)).toEqual({ firstDay: 12, joins: 1 });
  });

  it('postpones the first session by at most a week, and never past the latest first day', () => {
    const { search, calls } = searchOver([
      { firstDay: 10, joins: 0 },
      { firstDay: 10 + GROUP_FILL_MAX_DELAY_DAYS, joins: 2 },
    ]);
    expect(preferFilledGroups(2, 30, true, search)).toEqual({ firstDay: 17, joins: 2 });
    expect(preferFilledGroups(2, 15, true, searchOver([{ firstDay: 10, joins: 0 }, { firstDay: 16, joins: 2 }]).search)).toEqual({
      firstDay: 10,
      joins: 0,
    });
    expect(calls).toEqual([
      [0, 30],
      [2, 17],
    ]);
  });

  it('searches no further when the earliest plan already fills groups or there is no open group', () => {
    const full = searchOver([{ firstDay: 10, joins: 2 }]);
    expect(preferFilledGroups(2, 30, true, full.search)).toEqual({ firstDay: 10, joins: 2 });
    expect(full.calls).toEqual([[0, 30]]);
    const none = searchOver([{ firstDay: 10, joins: 0 }]);
    expect(preferFilledGroups(2, 30, false, none.search)).toEqual({ firstDay: 10, joins: 0 });
    expect(none.calls).toEqual([[0, 30]]);
  });

  it('finds nothing when no plan exists at all', () => {
    expect(preferFilledGroups(2, 30, true, searchOver([]).search)).toBeNull();
  });
});
