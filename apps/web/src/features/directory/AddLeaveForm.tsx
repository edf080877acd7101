import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailabilityExceptionBody } from '../../api/korgoo-api';
import { useFieldErrors } from '../../lib/field-errors';
import { leaveBody } from './leave';

interface Props {
  error: unknown;
  pending: boolean;
  onAdd(leave: AvailabilityExceptionBody): void;
}

const REASONS: AvailabilityExceptionBody['reason'][] = ['leave', 'holiday', 'other'];

/** A period away, by its first and last Bishkek day, both included. */
export function AddLeaveForm({ error, pending, onAdd }: Props) {
  const { t } = useTranslation();
  const { errorAt } = useFieldErrors(error);
  const [firstDay, setFirstDay] = useState('');
  const [lastDay, setLastDay] = useState('');
  const [reason, setReason] = useState<AvailabilityExceptionBody['reason']>('leave');

  function submit(event: FormEvent) {
    event.preventDefault();
    onAdd(leaveBody(firstDay, lastDay, reason));
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('directory.addLeave')}>
      <Group align="end">
        <TextInput type="date" label={t('directory.firstDay')} value={firstDay} error={errorAt('from')}
          onChange={(event) => setFirstDay(event.currentTarget.value)} />
        <TextInput type="date" label={t('directory.lastDay')} value={lastDay} error={errorAt('to')}
          onChange={(event) => setLastDay(event.currentTarget.value)} />
        <NativeSelect label={t('directory.reason')} value={reason} error={errorAt('reason')}
          onChange={(event) => setReason(event.currentTarget.value as AvailabilityExceptionBody['reason'])}
          data={REASONS.map((value) => ({ value, label: t(`directory.exceptionReason.${value}`) }))} />
        <Button type="submit" loading={pending} disabled={!firstDay || !lastDay}>{t('directory.add')}</Button>
      </Group>
    </form>
  );
}
