import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../lib/api-client';
import { ReasonsAlert, Shows, useRefusalReasons } from '../../lib/RefusalAlert';
import { unknownRule } from '../../lib/refusals';

interface Props {
  error: unknown;
  /** Whether the form beside it has an input for a field; every field unless told (a new entry's form shows only its own). */
  shows?: Shows;
}

/**
 * Why the directory refused a change. What names a field the form shows is shown there; what does not (two
 * slots of one pair at once, a point with sessions ahead, an existing slot's field beside the new slot's form)
 * is said here in the reader's language, naming the ids to act on, or by its status when it names no rule.
 */
export function ChangeProblem({ error, shows = () => true }: Props) {
  const { t } = useTranslation();
  const { reasons, marked, named } = useRefusalReasons(error, shows);
  if (!error) return null;
  const status = error instanceof ApiProblem ? error.status : null;
  const refused = named || status === 400 || status === 409;
  const headline = marked ? t('form.fixFields') : refused ? t('directory.refused') : t('form.failed');
  const unnamed = status !== null && SAID_BY_STATUS.includes(status) ? [unknownRule(t, status)] : [];
  return <ReasonsAlert headline={headline} reasons={named ? reasons : unnamed} />;
}

/** A 503 or a 502 is the service not answering and a 403 the account's rights: the headline says those. */
const SAID_BY_STATUS = [400, 404, 409];
