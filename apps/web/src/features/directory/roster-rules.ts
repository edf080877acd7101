import { ApiProblem } from '../../lib/api-client';

// Matching checks the roster rules itself and answers one sentence per problem, naming where it is as
// `changes.groupSlots[1].leadFacilitatorId` or `changes.outreachPoints[0].windows[0].end`, and a
// facilitator's week as `facilitator.weekly[0].end` (a new facilitator) or `weekly[0]` (a week replaced),
// and a period of leave added on its own as `exception.to`.
const NAMED = /^changes\.(groupSlots|outreachPoints)\[(\d+)\]\.(\w+)(?:\[(\d+)\](?:\.(\w+))?)?/;
const WEEKLY = /^(?:facilitator\.)?weekly\[(\d+)\](?:\.(\w+))?/;
const EXCEPTION = /^exception\.(\w+)/;

/** The field path (as the gateway names fields) a sentence of matching is about, if it names one. */
export function fieldOf(sentence: string): string | null {
  const weekly = WEEKLY.exec(sentence);
  if (weekly) return `weekly.${weekly[1]}.${weekly[2] ?? 'end'}`;
  const exception = EXCEPTION.exec(sentence);
  if (exception) return exception[1];
  const named = NAMED.exec(sentence);
  if (!named) return null;
  const [, list, index, field, item, part] = named;
  // A window is shown as its start and end; one that is wrong as a whole is marked at its end.
  if (field === 'windows' && item !== undefined) return `${list}.${index}.windows.${item}.${part ?? 'end'}`;
  return `${list}.${index}.${field}`;
}

const sentencesOf = (message: string) => message.split('; ');

/** A roster refusal with each sentence that names a field put at that field, as the gateway's own 400s are. */
export function placeRules(error: unknown): unknown {
  if (!(error instanceof ApiProblem) || error.status !== 400 || !error.body || error.body.problems) return error;
  const { message } = error.body;
  if (typeof message !== 'string') return error;
  const problems = sentencesOf(message).flatMap((sentence) => {
    const field = fieldOf(sentence);
    return field ? [{ field, rules: [sentence] }] : [];
  });
  return new ApiProblem(400, { ...error.body, problems });
}

/** What a refusal says that no field shows: a roster sentence about the whole list, or a 409's reason. */
export function unplacedReasons(error: unknown): string[] {
  if (!(error instanceof ApiProblem) || !error.body) return [];
  const { message, problems } = error.body;
  if (typeof message === 'string') return sentencesOf(message).filter((sentence) => !fieldOf(sentence));
  return problems?.length ? [] : message;
}
