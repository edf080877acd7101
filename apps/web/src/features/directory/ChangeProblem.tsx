import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../lib/api-client';
import { useFieldErrors } from '../../lib/field-errors';

/**
 * Why the directory refused a change. Rules it checks against the roster (who leads, who is due elsewhere)
 * come as one sentence rather than per field; it is shown as the API wrote it, for the admin to act on.
 */
export function ChangeProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { any } = useFieldErrors(error);
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : null;
  const reason = problem && !any ? [problem.body?.message ?? []].flat().join('; ') : '';
  const headline = any
    ? t('form.fixFields')
    : problem?.status === 409
      ? t('directory.conflict')
      : problem?.status === 400
        ? t('directory.refused')
        : t('form.failed');
  return (
    <Alert color="red" role="alert">
      {headline}
      {reason && <Text size="sm" mt={4}>{reason}</Text>}
    </Alert>
  );
}
