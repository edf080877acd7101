/** ISO weekdays, Monday first, as the API numbers them. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The wall-clock time a meeting of `minutes` starting at `start` (HH:MM) ends, up to 24:00. */
export function endOf(start: string, minutes: number): string {
  const [hours, mins] = start.split(':').map(Number);
  const end = Math.min(hours * 60 + mins + minutes, 24 * 60);
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

/** Weekly windows in a line, e.g. `Tuesday 10:00–16:00; Thursday 09:00–13:00`, each day named by `dayName`. */
export function windowsText(windows: readonly { weekday: number; start: string; end: string }[], dayName: (weekday: number) => string): string {
  return windows.map((window) => `${dayName(window.weekday)} ${window.start}–${window.end}`).join('; ');
}
