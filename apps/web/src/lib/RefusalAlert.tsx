import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsOf, useFieldErrors } from './field-errors';
import { refusalsOf, useSayRefusal } from './refusals';

/** Whether the form beside the alert has an input for a field (`groupSlots.2.minutes`). */
export type Shows = (field: string) => boolean;

/**
 * What a refused answer says beyond the form's fields: each owner's refusal that names no field the form shows,
 * and each field problem at a field it does not show, in the reader's language; `marked` when one is at a field
 * the form shows, so the reader looks there.
 */
export function useRefusalReasons(error: unknown, shows: Shows): { reasons: string[]; marked: boolean; named: boolean } {
  const say = useSayRefusal();
  const { errorAt } = useFieldErrors(error);
  const refusals = refusalsOf(error);
  const fields = [...new Set(problemsOf(error).map((problem) => problem.field))];
  const refused = refusals.filter((refusal) => !refusal.field || !shows(refusal.field)).map((refusal) => say(refusal));
  // A 400's refusals at fields are its field problems too: said once, as refusals.
  const elsewhere = fields.filter((field) => !shows(field) && !refusals.some((refusal) => refusal.field === field)).map(errorAt);
  return {
    reasons: [...new Set([...refused, ...elsewhere.filter((reason): reason is string => reason !== undefined)])],
    marked: fields.some(shows) || refusals.some((refusal) => refusal.field !== undefined && shows(refusal.field)),
    named: refusals.length > 0 || fields.length > 0,
  };
}

/** The reasons of a refusal, each on its own line under the alert's headline. */
export function ReasonsAlert({ headline, reasons }: { headline: ReactNode; reasons: string[] }) {
  return (
    <Alert color="red" role="alert">
      {headline}
      {reasons.map((reason) => <Text key={reason} size="sm" mt={4}>{reason}</Text>)}
    </Alert>
  );
}

interface Props {
  error: unknown;
  /** Said only when the answer names no rule and no field. */
  fallback: string;
  shows?: Shows;
}

/** Why the API refused what a form sent: the owner's rules and the field problems the form does not show, else `fallback`. */
export function RefusalAlert({ error, fallback, shows = () => false }: Props) {
  const { t } = useTranslation();
  const { reasons, marked, named } = useRefusalReasons(error, shows);
  if (!error) return null;
  return <ReasonsAlert headline={marked ? t('form.fixFields') : named ? null : fallback} reasons={reasons} />;
}
