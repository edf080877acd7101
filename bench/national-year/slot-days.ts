import { DirectoryCentre, Weekday, windows } from '../../apps/matching/src/directory/demo/demo-directory';

/**
 * A what-if on a directory: every man who leads a men's slot also works 09:00-18:00 the day before, the day of
 * and the day after it. A programme's individual sessions must fall within a day or two of the slot's weekday to
 * reach its meetings 6-8 days apart, so these are the hours that start programmes for the slot and fill it.
 */
export function withSlotLeadsAroundSlots(centres: readonly DirectoryCentre[]): DirectoryCentre[] {
  return centres.map((centre) => {
    const slots = centre.groupSlots.filter((s) => s.sex === 'male');
    if (slots.length === 0) return centre;
    return {
      ...centre,
      facilitators: centre.facilitators.map((f) => {
        const days = new Set<Weekday>();
        for (const s of slots) {
          if (s.leadFacilitatorId !== f.id) continue;
          for (const d of [s.weekday - 1, s.weekday, s.weekday + 1]) if (d >= 1 && d <= 7) days.add(d as Weekday);
        }
        if (days.size === 0) return f;
        return { ...f, weekly: [...f.weekly.filter((w) => !days.has(w.weekday)), ...windows([...days], '09:00', '18:00')] };
      }),
    };
  });
}
