import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateFacilitatorBody, WeeklyWindowBody } from '../../api/korgoo-api';
import { useFieldErrors } from '../../lib/field-errors';
import { CertifiedOnField } from './CertifiedOnField';
import { LanguagesField, PROGRAMME_LANGUAGES } from './LanguagesField';
import { FacilitatorSex, SexField } from './SexField';
import { WindowsField } from './WindowsField';

interface Props {
  error: unknown;
  pending: boolean;
  onAdd(facilitator: CreateFacilitatorBody): void;
}

/** A new facilitator of the centre, active from now, with the hours they are available in a usual week. */
export function AddFacilitatorForm({ error, pending, onAdd }: Props) {
  const { t } = useTranslation();
  const { errorAt } = useFieldErrors(error);
  const [displayName, setDisplayName] = useState('');
  const [sex, setSex] = useState<FacilitatorSex>('female');
  const [languages, setLanguages] = useState<string[]>(['ky']);
  const [certifiedOn, setCertifiedOn] = useState('');
  const [weekly, setWeekly] = useState<WeeklyWindowBody[]>([{ weekday: 1, start: '09:00', end: '18:00' }]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onAdd({
      displayName: displayName.trim(),
      sex,
      languages: PROGRAMME_LANGUAGES.filter((language) => languages.includes(language)),
      // An empty date means still in training.
      certifiedOn: certifiedOn || null,
      active: true,
      weekly,
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('directory.addFacilitator')}>
      <Stack gap="xs">
        <Title order={5}>{t('directory.addFacilitator')}</Title>
        <Group align="end">
          <TextInput label={t('directory.displayName')} description={t('directory.displayNameHelp')} value={displayName}
            error={errorAt('displayName')} onChange={(event) => setDisplayName(event.currentTarget.value)} />
          <SexField value={sex} error={errorAt('sex')} onChange={setSex} />
          <CertifiedOnField value={certifiedOn} error={errorAt('certifiedOn')} onChange={setCertifiedOn} />
        </Group>
        <LanguagesField value={languages} error={errorAt('languages')} onChange={setLanguages} />
        <WindowsField label={t('directory.weekly')} windows={weekly} errorAt={(window, field) => errorAt(`weekly.${window}.${field}`)}
          onChange={setWeekly} />
        <Group>
          <Button type="submit" loading={pending} disabled={!displayName.trim() || languages.length === 0}>{t('directory.add')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
