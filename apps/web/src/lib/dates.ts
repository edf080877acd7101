import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// Chromium ships no Kyrgyz calendar data: asked for `ky`, Intl silently answers in American English. These are
// the Unicode CLDR's Kyrgyz month names and its long date pattern ("2026-ж., 2-март").
const KYRGYZ_MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

export interface DateStyle {
  /** Also the hour and minute (24-hour in Kyrgyz and Russian). */
  withTime: boolean;
  /** The browser's own zone unless given; a calendar day (YYYY-MM-DD) is read in UTC so it never shifts. */
  timeZone?: string;
  /** Whether the browser has calendar data for a language. */
  knows?: (language: string) => boolean;
}

const browserKnows = (language: string) => Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0;

function kyrgyzByHand(date: Date, withTime: boolean, timeZone?: string): string {
  const digits = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const part = Object.fromEntries(digits.formatToParts(date).map(({ type, value }) => [type, value]));
  const day = `${part.year}-ж., ${Number(part.day)}-${KYRGYZ_MONTHS[Number(part.month) - 1]}`;
  return withTime ? `${day} ${part.hour}:${part.minute}` : day;
}

/** A moment or a calendar day in the reader's language: Kyrgyz, Russian or English, whatever the browser knows. */
export function formatDate(at: string | number | Date, language: string, { withTime, timeZone, knows = browserKnows }: DateStyle): string {
  const date = new Date(at);
  if (language === 'ky' && !knows('ky')) return kyrgyzByHand(date, withTime, timeZone);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: withTime ? 'short' : undefined, timeZone }).format(date);
}

/** The value a `datetime-local` input shows for a moment: the browser's local time, to the minute. */
export const localInputValue = (at: string | number) => {
  const moment = new Date(at);
  // What cannot be read is shown as it is, for the person to correct.
  if (Number.isNaN(moment.getTime())) return String(at);
  return new Date(moment.getTime() - moment.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A `datetime-local` value as the API takes it (ISO); what cannot be read goes as typed, for the API to name the field. */
export const fromLocalInput = (value: string) => {
  const moment = new Date(value);
  return Number.isNaN(moment.getTime()) ? value : moment.toISOString();
};

/** Dates in the language the person chose, not the browser's. */
export function useDates() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      /** A moment (an ISO timestamp or epoch milliseconds) with its time of day, in the browser's zone. */
      moment: (at: string | number) => formatDate(at, language, { withTime: true }),
      /** A calendar day as the API gives it (YYYY-MM-DD). */
      day: (on: string) => formatDate(on, language, { withTime: false, timeZone: 'UTC' }),
      /** The day in Kyrgyzstan of a moment that starts one there, such as when public figures come out. */
      dayInKyrgyzstan: (at: string) => formatDate(at, language, { withTime: false, timeZone: 'Asia/Bishkek' }),
    }),
    [language],
  );
}
