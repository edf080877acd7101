import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../lib/api-client';
import { ReasonsAlert, Shows, useRefusalReasons } from '../../lib/RefusalAlert';

interface Props {
  error: unknown;
  /** Whether the form beside it has an input for a field; every field unless told (a new entry's form shows only its own). */
  shows?: Shows;
}

/**
 * Why the directory refused a change. What names a field the form shows is shown there; what does not (two
 * slots of one pair at once, a point with sessions ahead, an existing slot's field beside the new slot's form)
 * is said here in the reader's language, naming the ids to act on, or as the API wrote it when it names no rule.
 */
export function ChangeProblem({ error, shows = () => true }: Props) {
  const { t } = useTranslation();
  const { reasons, marked, named } = useRefusalReasons(error, shows);
  if (!error) return null;
  const status = error instanceof ApiProblem ? error.status : null;
  const refused = named || status === 400 || status === 409;
  const headline = marked ? t('form.fixFields') : refused ? t('directory.refused') : t('form.failed');
  return <ReasonsAlert headline={headline} reasons={named ? reasons : unnamedReasons(error)} />;
}

/** What an answer that names no rule says: the owner's own sentence only for a refusal this app cannot name. */
function unnamedReasons(error: unknown): string[] {
  if (!(error instanceof ApiProblem) || !error.body || !REFUSED_AS_WRITTEN.includes(error.status)) return [];
  const { message } = error.body;
  return typeof message === 'string' ? [message] : message;
}

/** A 503 or a 502 is the service not answering and a 403 the account's rights: the headline says those, not the API's English. */
const REFUSED_AS_WRITTEN = [400, 404, 409];
