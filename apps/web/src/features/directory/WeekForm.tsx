import { Button, Group, Stack, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeeklyWindowBody } from '../../api/korgoo-api';
import { useFieldErrors } from '../../lib/field-errors';
import type { FacilitatorView } from './api';
import { WindowsField } from './WindowsField';

interface Props {
  facilitator: FacilitatorView;
  error: unknown;
  pending: boolean;
  onSave(weekly: WeeklyWindowBody[]): void;
  onClose(): void;
}

const USUAL_DAY: WeeklyWindowBody = { weekday: 1, start: '09:00', end: '18:00' };

/** A facilitator's usual week, replaced as a whole; leave and holidays are kept apart from it. */
export function WeekForm({ facilitator, error, pending, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const { errorAt } = useFieldErrors(error);
  const [weekly, setWeekly] = useState<WeeklyWindowBody[]>(facilitator.weekly.length > 0 ? facilitator.weekly : [USUAL_DAY]);
  const title = t('directory.weekOf', { name: facilitator.displayName });

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(weekly);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="xs">
        <Title order={5}>{title}</Title>
        <WindowsField label={t('directory.weekly')} windows={weekly} errorAt={(window, field) => errorAt(`weekly.${window}.${field}`)}
          onChange={setWeekly} />
        <Group>
          <Button type="submit" loading={pending}>{t('directory.save')}</Button>
          <Button variant="default" onClick={onClose}>{t('directory.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
