import { useTranslation } from 'react-i18next';
import { ApiProblem } from './api-client';
import { refusalsOf, useSayRefusal } from './refusals';

/**
 * The API's field problems, to show at each field. An owner's refusal is said from its rule in the reader's
 * language; the gateway's own rules are in English: other languages get the translated hint, English readers
 * the rule itself.
 */
export function useFieldErrors(error: unknown): { errorAt(field: string): string | undefined; any: boolean } {
  const { t, i18n } = useTranslation();
  const say = useSayRefusal();
  const problems = error instanceof ApiProblem ? error.fieldProblems : {};
  const refusals = refusalsOf(error);
  return {
    any: Object.keys(problems).length > 0,
    errorAt: (field) => {
      const named = refusals.filter((refusal) => refusal.field === field);
      if (named.length > 0) return named.map(say).join(' ');
      if (!problems[field]) return undefined;
      return i18n.language === 'en' ? problems[field].join('; ') : t('form.fieldInvalid');
    },
  };
}
