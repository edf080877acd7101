import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FacilitatorView } from './api';

interface Props {
  label: string;
  choices: FacilitatorView[];
  value: string;
  error?: string;
  onChange(facilitatorId: string): void;
}

/** One of the centre's facilitators, by display name; says so when none fits. */
export function FacilitatorSelect({ label, choices, value, error, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value}
      error={error ?? (choices.length === 0 ? t('directory.noneFits') : undefined)}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={choices.map((facilitator) => ({ value: facilitator.id, label: facilitator.displayName }))}
    />
  );
}

/** The facilitator chosen while they still fit (the group's sex or language may change after), else the first who does. */
export function chosenOrFirst(choices: readonly FacilitatorView[], chosen: string): string {
  return choices.some((facilitator) => facilitator.id === chosen) ? chosen : (choices[0]?.id ?? '');
}
