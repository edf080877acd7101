import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../lib/api-client';
import { useFieldErrors } from '../../lib/field-errors';
import { unplacedReasons } from './roster-rules';

/**
 * Why the directory refused a change. What names a field is shown there; what does not (two slots of one
 * pair at once, a point with sessions ahead) is shown here as the API wrote it, naming the ids to act on.
 */
export function ChangeProblem({ error, conflict }: { error: unknown; /** The headline of a 409, when not sessions ahead. */ conflict?: string }) {
  const { t } = useTranslation();
  const { any } = useFieldErrors(error);
  if (!error) return null;
  const status = error instanceof ApiProblem ? error.status : null;
  const reasons = unplacedReasons(error);
  const headline = any
    ? t('form.fixFields')
    : status === 409
      ? (conflict ?? t('directory.conflict'))
      : status === 400
        ? t('directory.refused')
        : t('form.failed');
  return (
    <Alert color="red" role="alert">
      {headline}
      {reasons.length > 0 && <Text size="sm" mt={4}>{reasons.join('; ')}</Text>}
    </Alert>
  );
}
