import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ky from './locales/ky.json';
import ru from './locales/ru.json';

export const LANGUAGES = ['ky', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LAST_USED = 'korgoo.language';
const keyFor = (username: string) => `korgoo.language.${username}`;

/** The user's own choice when known, else the last one used on this device, else Kyrgyz. */
export function rememberedLanguage(username?: string): Language {
  const saved = (username && localStorage.getItem(keyFor(username))) || localStorage.getItem(LAST_USED);
  return LANGUAGES.includes(saved as Language) ? (saved as Language) : 'ky';
}

export function rememberLanguage(language: Language, username?: string): void {
  localStorage.setItem(LAST_USED, language);
  if (username) localStorage.setItem(keyFor(username), language);
}

void i18n.use(initReactI18next).init({
  resources: { ky: { translation: ky }, ru: { translation: ru }, en: { translation: en } },
  lng: rememberedLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
