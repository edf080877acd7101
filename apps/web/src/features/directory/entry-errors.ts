import { useFieldErrors } from '../../lib/field-errors';

/** The API's field problems at one entry of a list sent whole, e.g. `groupSlots.2.minutes` for the third slot. */
export function useEntryErrors(error: unknown, list: 'groupSlots' | 'outreachPoints', index: number) {
  const { errorAt } = useFieldErrors(error);
  return (field: string) => errorAt(`${list}.${index}.${field}`);
}
