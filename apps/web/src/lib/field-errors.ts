import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldProblemBody } from '../api/korgoo-api';
import { ApiProblem } from './api-client';
import { refusalsOf, useSayRefusal } from './refusals';

/**
 * The API's field problems, to show at each field. An owner's refusal is said from its rule in the reader's
 * language. The gateway's own rules are in English: English readers get the rule itself, others the rule's
 * name translated with its numbers (`maxLength`, 200: at most 200 characters) where this app knows it, else the
 * translated hint.
 */
export function useFieldErrors(error: unknown): { errorAt(field: string): string | undefined; any: boolean } {
  const { t, i18n } = useTranslation();
  const say = useSayRefusal();
  const problems = problemsOf(error);
  const refusals = refusalsOf(error);
  return {
    any: problems.length > 0,
    errorAt: (field) => {
      const named = refusals.filter((refusal) => refusal.field === field);
      if (named.length > 0) return named.map(say).join(' ');
      const here = problems.filter((problem) => problem.field === field);
      if (here.length === 0) return undefined;
      if (i18n.language === 'en') return here.flatMap((problem) => problem.rules).join('; ');
      const hints = here.flatMap((problem) =>
        (problem.codes ?? []).filter((code) => i18n.exists(`validation.${code}`)).map((code) => sayRule(t, code, problem.params?.[code])));
      return hints.length > 0 ? [...new Set(hints)].join(' ') : t('form.fieldInvalid');
    },
  };
}

/** The field problems of an API answer, none for any other error. */
export function problemsOf(error: unknown): FieldProblemBody[] {
  return error instanceof ApiProblem ? (error.body?.problems ?? []) : [];
}

/** Beyond this many, the allowed values are left to the field's own choices rather than listed. */
const LISTED_VALUES = 5;

/** A rule by its name, with its bounds (`_limit`) or its few allowed values (`_values`) when the API gave them. */
function sayRule(t: TFunction, code: string, params?: NonNullable<FieldProblemBody['params']>[string]): string {
  const key = `validation.${code}`;
  if (!params) return t(key);
  const { values } = params;
  if (!Array.isArray(values)) return t(key, { ...params, context: 'limit' });
  return values.length <= LISTED_VALUES ? t(key, { values: values.join(', '), context: 'values' }) : t(key);
}
