import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../lib/api-client';
import { problemsOf } from '../../lib/field-errors';
import { refusalsOf, useSayRefusal } from '../../lib/refusals';

interface Props {
  error: unknown;
  /** Whether the form beside it has an input for a field; every field unless told (a new entry's form shows only its own). */
  shows?(field: string): boolean;
}

/**
 * Why the directory refused a change. What names a field the form shows is shown there; what does not (two
 * slots of one pair at once, a point with sessions ahead, an existing slot's field beside the new slot's form)
 * is said here in the reader's language, naming the ids to act on, or as the API wrote it when it names no rule.
 */
export function ChangeProblem({ error, shows = () => true }: Props) {
  const { t } = useTranslation();
  const say = useSayRefusal();
  if (!error) return null;
  const status = error instanceof ApiProblem ? error.status : null;
  const refusals = refusalsOf(error);
  const marked = problemsOf(error).some((problem) => shows(problem.field));
  const reasons = refusals.length > 0 ? refusals.filter((refusal) => !refusal.field || !shows(refusal.field)).map(say) : unnamedReasons(error);
  const refused = refusals.length > 0 || status === 400 || status === 409;
  const headline = marked ? t('form.fixFields') : refused ? t('directory.refused') : t('form.failed');
  return (
    <Alert color="red" role="alert">
      {headline}
      {[...new Set(reasons)].map((reason) => <Text key={reason} size="sm" mt={4}>{reason}</Text>)}
    </Alert>
  );
}

/** What an answer that names no rule says beside its field problems. */
function unnamedReasons(error: unknown): string[] {
  if (!(error instanceof ApiProblem) || !error.body || error.body.problems?.length) return [];
  const { message } = error.body;
  return typeof message === 'string' ? [message] : message;
}
