import { Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FacilitatorView } from './api';

// The programme is held in Kyrgyz and Russian only.
export const PROGRAMME_LANGUAGES: FacilitatorView['languages'] = ['ky', 'ru'];

/** The programme languages a facilitator holds sessions in. */
export function LanguagesField({ value, error, onChange }: { value: string[]; error?: string; onChange(languages: string[]): void }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t('directory.languages')} value={value} error={error} onChange={onChange}>
      <Group mt={4}>
        {PROGRAMME_LANGUAGES.map((language) => <Checkbox key={language} value={language} label={t(`language.${language}`)} />)}
      </Group>
    </Checkbox.Group>
  );
}
