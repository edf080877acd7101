import { useFieldErrors } from '../../lib/field-errors';

type List = 'groupSlots' | 'outreachPoints';

/** The API's field problems at one entry of a list sent whole, e.g. `groupSlots.2.minutes` for the third slot. */
export function useEntryErrors(error: unknown, list: List, index: number) {
  const { errorAt } = useFieldErrors(error);
  return (field: string) => errorAt(`${list}.${index}.${field}`);
}

/** Whether a field is one of that entry's, the only ones a new entry's form shows. */
export const ofEntry = (list: List, index: number) => (field: string) => field.startsWith(`${list}.${index}.`);
