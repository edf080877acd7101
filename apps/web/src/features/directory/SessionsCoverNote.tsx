import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FacilitatorView } from './api';

/** What became of the booked sessions a change took a facilitator away from: handed to a colleague or being re-planned. */
export function SessionsCoverNote({ cover }: { cover: FacilitatorView['sessionsCover'] | undefined }) {
  const { t } = useTranslation();
  if (!cover || cover.substituted + cover.replanned === 0) return null;
  return <Text role="status" size="sm">{t('directory.sessionsCover', cover)}</Text>;
}
