import type { LocalizedText } from '../api/korgoo-api';
import type { Language } from '../i18n';

/** A text the API gives in every language, in the reader's; Kyrgyz where the reader's is missing. */
export const inLanguage = (text: LocalizedText, language: string) => text[language as Language] ?? text.ky;
