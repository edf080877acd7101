import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The programme certification date; left empty while the facilitator is in training. */
export function CertifiedOnField({ value, error, onChange }: { value: string; error?: string; onChange(day: string): void }) {
  const { t } = useTranslation();
  return (
    <TextInput type="date" label={t('directory.certifiedOn')} description={t('directory.certifiedOnHelp')} value={value}
      error={error} onChange={(event) => onChange(event.currentTarget.value)} />
  );
}
