import type { GroupSlot, Language, Sex } from './capacity-types';
import { clockMinutes, Interval, mergeIntervals, subtractIntervals } from './weekly-window';

/**
 * Declared weekly group slots. A slot is one pair's standing group for one sex and one language; its hour
 * is kept for the group, so individual sessions never eat it and the group can fill week after week.
 */

/** The weekly hours each facilitator gives to declared slots, index 1-7 by ISO weekday. */
export function slotHoursByFacilitator(slots: readonly GroupSlot[]): Map<string, Interval[][]> {
  const hours = new Map<string, Interval[][]>();
  for (const slot of slots) {
    const start = clockMinutes(slot.start, `group slot ${slot.id}`);
    const interval = { start, end: Math.min(start + slot.minutes, 1440) };
    for (const id of new Set([slot.leadFacilitatorId, slot.coFacilitatorId])) {
      const week = hours.get(id) ?? [[], [], [], [], [], [], [], []];
      week[slot.weekday] = mergeIntervals([...week[slot.weekday], interval]);
      hours.set(id, week);
    }
  }
  return hours;
}

/** A facilitator's week without the hours kept for the slots they run (`kept`, one of `slotHoursByFacilitator`'s). */
export function outsideSlotHours(weekly: Interval[][], kept: Interval[][] | undefined): Interval[][] {
  return kept ? weekly.map((day, d) => subtractIntervals(day, kept[d])) : weekly;
}

/** Slots a participant of this sex and language may meet in, on ISO `weekday`, by start time then id. */
export function slotsFor(slots: readonly GroupSlot[], sex: Sex, language: Language, weekday: number): GroupSlot[] {
  return slots
    .filter((s) => s.sex === sex && s.language === language && s.weekday === weekday)
    .sort((a, b) => a.start.localeCompare(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How many may sit in a booked group: its slot's maximum, or the centre's size for a group of its own. */
export function groupSeats(slotId: string | undefined, slots: readonly GroupSlot[], centreGroupCapacity: number): number {
  const slot = slotId === undefined ? undefined : slots.find((s) => s.id === slotId);
  return slot ? slot.maxParticipants : centreGroupCapacity;
}
