import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusalBody } from '../api/korgoo-api';
import { ApiProblem } from './api-client';

/** The rules an owning service refused a change for, when it names them. */
export function refusalsOf(error: unknown): RefusalBody[] {
  return error instanceof ApiProblem ? (error.body?.refusals ?? []) : [];
}

/** How a screen says the ids a refusal names, by the param that holds them (a facilitator by their name). */
export type RefusalNames = Partial<Record<string, (id: string) => string>>;

const RefusalNamesContext = createContext<RefusalNames>({});

/** Lets every refusal said inside name what the screen knows by the names its readers know. */
export const RefusalNamesProvider = RefusalNamesContext.Provider;

/**
 * A refusal in the reader's language from its rule and params, a weekday and a language by their names, and ids by
 * the names the screen gives them; a rule this app does not know yet is said as the API wrote it.
 */
export function useSayRefusal(): (refusal: RefusalBody) => string {
  const { t, i18n } = useTranslation();
  const names = useContext(RefusalNamesContext);
  return ({ rule, params = {}, message }) => {
    const key = `refusal.${rule}`;
    if (!i18n.exists(key)) return message;
    const { weekday, language } = params;
    const named: Record<string, string> = Object.fromEntries(
      Object.entries(params).flatMap(([param, value]) => {
        const name = names[param];
        return name && typeof value === 'string' ? [[param, name(value)]] : [];
      }),
    );
    return t(key, {
      ...params,
      ...named,
      ...(weekday === undefined ? {} : { weekday: t(`weekday.${weekday}`) }),
      ...(language === undefined ? {} : { language: t(`language.${language}`) }),
    });
  };
}
