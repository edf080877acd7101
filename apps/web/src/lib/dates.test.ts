import { describe, expect, it } from 'vitest';
import { formatDate } from './dates';

const AT = '2026-03-02T09:30:00Z';
const BISHKEK = 'Asia/Bishkek';
const withoutKyrgyz = (language: string) => language !== 'ky';

describe('dates in the reader’s language', () => {
  it('writes a moment in Kyrgyz the way CLDR does, also where the browser has no Kyrgyz data', () => {
    expect(formatDate(AT, 'ky', { withTime: true, timeZone: BISHKEK, knows: withoutKyrgyz })).toBe('2026-ж., 2-март 15:30');
    expect(formatDate(AT, 'ky', { withTime: true, timeZone: BISHKEK })).toBe('2026-ж., 2-март 15:30');
  });

  it('names every month in Kyrgyz by hand', () => {
    const months = Array.from({ length: 12 }, (_, index) =>
      formatDate(Date.UTC(2026, index, 15), 'ky', { withTime: false, timeZone: 'UTC', knows: withoutKyrgyz }),
    );
    expect(months[0]).toBe('2026-ж., 15-январь');
    expect(months[11]).toBe('2026-ж., 15-декабрь');
    expect(new Set(months).size).toBe(12);
  });

  it('writes Russian and English with the browser’s own data', () => {
    expect(formatDate(AT, 'ru', { withTime: true, timeZone: BISHKEK, knows: withoutKyrgyz })).toBe('2 марта 2026 г. в 15:30');
    expect(formatDate(AT, 'en', { withTime: true, timeZone: BISHKEK, knows: withoutKyrgyz })).toBe('March 2, 2026 at 3:30 PM');
  });

  it('keeps a calendar day on its day whatever the zone', () => {
    expect(formatDate('2026-04-10', 'ru', { withTime: false, timeZone: 'UTC' })).toBe('10 апреля 2026 г.');
    expect(formatDate('2026-04-10', 'ky', { withTime: false, timeZone: 'UTC', knows: withoutKyrgyz })).toBe('2026-ж., 10-апрель');
  });
});
