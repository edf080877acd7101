import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldProblemBody, FormQuestionResponse, LocalizedText } from '../api/korgoo-api';
import { ApiProblem } from './api-client';
import { inLanguage } from './in-language';
import { refusalsOf, useSayRefusal, withoutPositions } from './refusals';

/**
 * The API's field problems, to show at each field. An owner's refusal is said from its rule in the reader's
 * language. The gateway's own rules are in English: English readers get the rule itself, others the rule's
 * name translated with its numbers (`maxLength`, 200: at most 200 characters) where this app knows it, else the
 * translated hint. Allowed values are said in every language by the names the screens give them (`named`: those
 * a form the API defines gives them, as the ODARA screening's options), the codes only where no screen names them.
 */
export function useFieldErrors(error: unknown, named: ValueNames = NONE): { errorAt(field: string): string | undefined; any: boolean } {
  const { t, i18n } = useTranslation();
  const say = useSayRefusal();
  const problems = problemsOf(error);
  const refusals = refusalsOf(error);
  return {
    any: problems.length > 0,
    errorAt: (field) => {
      const refused = refusals.filter((refusal) => refusal.field === field);
      if (refused.length > 0) return refused.map((refusal) => say(refusal, true)).join(' ');
      const here = problems.filter((problem) => problem.field === field);
      if (here.length === 0) return undefined;
      const names = (values: Value[]) => namesOf(i18n, field, values, named);
      if (i18n.language === 'en') return here.flatMap((problem) => inEnglish(t, problem, names)).join('; ');
      const hints = here.flatMap((problem) =>
        (problem.codes ?? []).filter((code) => i18n.exists(`validation.${code}`)).map((code) => sayRule(t, code, problem.params?.[code], names)));
      return hints.length > 0 ? [...new Set(hints)].join(' ') : t('form.fieldInvalid');
    },
  };
}

/** The field problems of an API answer, none for any other error. */
export function problemsOf(error: unknown): FieldProblemBody[] {
  return error instanceof ApiProblem ? (error.body?.problems ?? []) : [];
}

type Params = NonNullable<FieldProblemBody['params']>[string];
type Value = string | number;
type Names = (values: Value[]) => string[] | undefined;

/** A value's name in each language, by the field's path without list positions, where a form the API defines names it. */
export type ValueNames = (field: string, value: Value) => LocalizedText | undefined;

const NONE: ValueNames = () => undefined;

/** The names a form the API defines gives its questions' options, each question at `prefix` + its path (`screening.items.confinement`). */
export function optionNames(questions: readonly FormQuestionResponse[], prefix: string): ValueNames {
  const options = new Map(questions.map((question) => [`${prefix}${question.path}`, question.options]));
  return (field, value) => options.get(field)?.find((option) => String(option.value) === String(value))?.label;
}

/**
 * Where the screens name the values each field allows, by the field's path without list positions
 * (`groupSlots.2.sex` is `groupSlots.sex`). A name several forms share (`reason`) lists each form's labels:
 * the first that names every allowed value is the field's.
 */
const VALUE_LABELS: Record<string, readonly string[]> = {
  'perpetrator.sex': ['order'],
  'perpetrator.language': ['language'],
  'screening.context.perpetratorSex': ['order'],
  'screening.context.victimSex': ['order'],
  'screening.override.priority': ['priority'],
  status: ['directory.centreStatus'],
  'groupSlots.sex': ['directory.groupOf'],
  'groupSlots.language': ['language'],
  sex: ['directory.facilitatorSex'],
  languages: ['language'],
  mark: ['mark'],
  excuseReason: ['excuseReason'],
  outcome: ['followUpOutcome'],
  reason: ['declineReason', 'closureReason', 'directory.exceptionReason'],
};

/** The field's values as the screen names them, or nothing when any of them has no name there. */
function namesOf(i18n: I18n, field: string, values: Value[], named: ValueNames): string[] | undefined {
  const path = withoutPositions(field);
  const texts = values.map((value) => named(path, value));
  if (texts.every((text) => text !== undefined)) return texts.map((text) => inLanguage(text, i18n.language));
  const labels = VALUE_LABELS[path] ?? [];
  const namespace = labels.find((prefix) => values.every((value) => i18n.exists(`${prefix}.${value}`)));
  return namespace === undefined ? undefined : values.map((value) => i18n.t(`${namespace}.${value}`));
}

/** The gateway's own sentences, except an allowed-values rule the screen can name the values of: that one lists the names, not the codes. */
function inEnglish(t: TFunction, problem: FieldProblemBody, names: Names): string[] {
  return problem.rules.map((rule, index) => {
    const code = problem.codes?.[index];
    const params = code === undefined ? undefined : problem.params?.[code];
    return code && Array.isArray(params?.values) && names(params.values) ? sayRule(t, code, params, names) : rule;
  });
}

/** Beyond this many, the allowed values are left to the field's own choices rather than listed. */
const LISTED_VALUES = 5;

/** A rule by its name, with its bounds (`_limit`) or its few allowed values (`_values`, by their names where the screen has them) when the API gave them. */
function sayRule(t: TFunction, code: string, params: Params | undefined, names: Names): string {
  const key = `validation.${code}`;
  if (!params) return t(key);
  const { values } = params;
  if (!Array.isArray(values)) return t(key, { ...params, context: 'limit' });
  return values.length <= LISTED_VALUES ? t(key, { values: (names(values) ?? values).join(', '), context: 'values' }) : t(key);
}
