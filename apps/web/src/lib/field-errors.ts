import { useTranslation } from 'react-i18next';
import { ApiProblem } from './api-client';
import { refusalsOf, useSayRefusal } from './refusals';

/**
 * The API's field problems, to show at each field. An owner's refusal is said from its rule in the reader's
 * language. The gateway's own rules are in English: English readers get the rule itself, others the rule's
 * name translated (`maxLength`: too long) where this app knows it, else the translated hint.
 */
export function useFieldErrors(error: unknown): { errorAt(field: string): string | undefined; any: boolean } {
  const { t, i18n } = useTranslation();
  const say = useSayRefusal();
  const problems = error instanceof ApiProblem ? (error.body?.problems ?? []) : [];
  const refusals = refusalsOf(error);
  return {
    any: problems.length > 0,
    errorAt: (field) => {
      const named = refusals.filter((refusal) => refusal.field === field);
      if (named.length > 0) return named.map(say).join(' ');
      const here = problems.filter((problem) => problem.field === field);
      if (here.length === 0) return undefined;
      if (i18n.language === 'en') return here.flatMap((problem) => problem.rules).join('; ');
      const hints = here.flatMap((problem) => problem.codes ?? []).filter((code) => i18n.exists(`validation.${code}`));
      return hints.length > 0 ? [...new Set(hints)].map((code) => t(`validation.${code}`)).join(' ') : t('form.fieldInvalid');
    },
  };
}
