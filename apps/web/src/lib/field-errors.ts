import { useTranslation } from 'react-i18next';
import { ApiProblem } from './api-client';

/**
 * The API's field problems, to show at each field. Its rules are in English: other languages get the
 * translated hint, English readers the rule itself.
 */
export function useFieldErrors(error: unknown): { errorAt(field: string): string | undefined; any: boolean } {
  const { t, i18n } = useTranslation();
  const problems = error instanceof ApiProblem ? error.fieldProblems : {};
  return {
    any: Object.keys(problems).length > 0,
    errorAt: (field) => (problems[field] ? (i18n.language === 'en' ? problems[field].join('; ') : t('form.fieldInvalid')) : undefined),
  };
}
