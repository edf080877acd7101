import type { CentreCapacity, OutreachPoint, WeeklyWindow } from './capacity-types';

/**
 * Outreach points: a centre's pair holds sessions in a far place on declared weekly windows. The rule for the
 * pair's travel is the declaration itself: sessions there fall only inside the windows as declared (the centre
 * sets them after the road), and an outreach weekday is a day away, so the pair takes no centre sessions on
 * it. No travel estimate is subtracted on top.
 */

/** The centre's own calendar: the pairs' outreach weekdays are taken out of their hours at the centre. */
export function capacityAtCentre(centre: CentreCapacity): CentreCapacity {
  const points = centre.outreachPoints ?? [];
  if (points.length === 0) return centre;
  const away = new Map<string, Set<WeeklyWindow['weekday']>>();
  for (const point of points) {
    for (const id of point.facilitatorIds) {
      const days = away.get(id) ?? new Set();
      for (const w of point.windows) days.add(w.weekday);
      away.set(id, days);
    }
  }
  return {
    ...centre,
    facilitators: centre.facilitators.map((f) => {
      const days = away.get(f.id);
      return days ? { ...f, weekly: f.weekly.filter((w) => !days.has(w.weekday)) } : f;
    }),
  };
}

/**
 * The calendar at one outreach point: only its pair, only in its windows (theirs by declaration, so their
 * weekly hours at the centre are not consulted), no declared group slots, and only the groups opened there.
 * Everything the pair has booked still keeps them busy.
 */
export function capacityAtPoint(centre: CentreCapacity, point: OutreachPoint): CentreCapacity {
  const pair = new Set(point.facilitatorIds);
  return {
    ...centre,
    facilitators: centre.facilitators.filter((f) => pair.has(f.id)).map((f) => ({ ...f, weekly: point.windows })),
    groupSlots: [],
    atOutreachPoint: point.id,
  };
}
