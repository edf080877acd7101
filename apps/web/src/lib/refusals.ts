import { useTranslation } from 'react-i18next';
import type { RefusalBody } from '../api/korgoo-api';
import { ApiProblem } from './api-client';

/** The rules an owning service refused a change for, when it names them. */
export function refusalsOf(error: unknown): RefusalBody[] {
  return error instanceof ApiProblem ? (error.body?.refusals ?? []) : [];
}

/**
 * A refusal in the reader's language from its rule and params, a weekday and a language by their names; a rule
 * this app does not know yet is said as the API wrote it.
 */
export function useSayRefusal(): (refusal: RefusalBody) => string {
  const { t, i18n } = useTranslation();
  return ({ rule, params = {}, message }) => {
    const key = `refusal.${rule}`;
    if (!i18n.exists(key)) return message;
    const { weekday, language } = params;
    return t(key, {
      ...params,
      ...(weekday === undefined ? {} : { weekday: t(`weekday.${weekday}`) }),
      ...(language === undefined ? {} : { language: t(`language.${language}`) }),
    });
  };
}
