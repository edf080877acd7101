import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Language, LANGUAGES, rememberLanguage } from '../i18n';
import { useSession } from '../lib/session';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  return (
    <SegmentedControl
      aria-label={t('language.choose')}
      value={i18n.language}
      onChange={(language) => {
        rememberLanguage(language as Language, session?.username);
        void i18n.changeLanguage(language);
      }}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.short.${language}`) }))}
    />
  );
}
