import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../lib/api-client';
import { useFieldErrors } from '../../lib/field-errors';
import { refusalsOf, useSayRefusal } from '../../lib/refusals';

/**
 * Why the directory refused a change. What names a field is shown there; what does not (two slots of one
 * pair at once, a point with sessions ahead) is said here in the reader's language, naming the ids to act on,
 * or as the API wrote it when it names no rule.
 */
export function ChangeProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { any } = useFieldErrors(error);
  const say = useSayRefusal();
  if (!error) return null;
  const status = error instanceof ApiProblem ? error.status : null;
  const refusals = refusalsOf(error);
  const reasons = refusals.length > 0 ? refusals.filter((refusal) => !refusal.field).map(say) : unnamedReasons(error);
  const headline = any ? t('form.fixFields') : status === 400 || status === 409 ? t('directory.refused') : t('form.failed');
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
