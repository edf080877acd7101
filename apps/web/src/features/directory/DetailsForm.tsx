import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateFacilitatorBody } from '../../api/korgoo-api';
import { useFieldErrors } from '../../lib/field-errors';
import type { FacilitatorView } from './api';
import { CertifiedOnField } from './CertifiedOnField';
import { LanguagesField, PROGRAMME_LANGUAGES } from './LanguagesField';
import { SexField } from './SexField';

interface Props {
  facilitator: FacilitatorView;
  error: unknown;
  pending: boolean;
  onSave(changes: UpdateFacilitatorBody): void;
  onClose(): void;
}

const sameLanguages = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((language) => b.includes(language));

/**
 * Corrects who a facilitator is on record as; only what was changed is sent, so nothing else is overwritten. A sex,
 * language or certification that the centre's slots, points or booked sessions rely on is refused by the directory.
 */
export function DetailsForm({ facilitator, error, pending, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const { errorAt } = useFieldErrors(error);
  const [displayName, setDisplayName] = useState(facilitator.displayName);
  const [sex, setSex] = useState(facilitator.sex);
  const [languages, setLanguages] = useState<string[]>(facilitator.languages);
  const [certifiedOn, setCertifiedOn] = useState(facilitator.certifiedOn ?? '');
  const title = t('directory.detailsOf', { name: facilitator.displayName });

  function submit(event: FormEvent) {
    event.preventDefault();
    const name = displayName.trim();
    const chosen = PROGRAMME_LANGUAGES.filter((language) => languages.includes(language));
    // An empty date means back in training.
    const certified = certifiedOn || null;
    const changes: UpdateFacilitatorBody = {
      ...(name !== facilitator.displayName ? { displayName: name } : {}),
      ...(sex !== facilitator.sex ? { sex } : {}),
      ...(!sameLanguages(chosen, facilitator.languages) ? { languages: chosen } : {}),
      ...(certified !== facilitator.certifiedOn ? { certifiedOn: certified } : {}),
    };
    if (Object.keys(changes).length === 0) onClose();
    else onSave(changes);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="xs">
        <Title order={5}>{title}</Title>
        <Group align="end">
          <TextInput label={t('directory.displayName')} value={displayName} error={errorAt('displayName')}
            onChange={(event) => setDisplayName(event.currentTarget.value)} />
          <SexField value={sex} error={errorAt('sex')} onChange={setSex} />
          <CertifiedOnField value={certifiedOn} error={errorAt('certifiedOn')} onChange={setCertifiedOn} />
        </Group>
        <LanguagesField value={languages} error={errorAt('languages')} onChange={setLanguages} />
        <Group>
          <Button type="submit" loading={pending} disabled={!displayName.trim() || languages.length === 0}>{t('directory.save')}</Button>
          <Button variant="default" onClick={onClose}>{t('directory.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
