import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CentreSummaryView } from './api';

/** Whether the centre takes new participants. */
export function CentreStatusBadge({ status }: { status: CentreSummaryView['status'] }) {
  const { t } = useTranslation();
  return <Badge color={status === 'open' ? 'teal.9' : 'gray.7'}>{t(`directory.centreStatus.${status}`)}</Badge>;
}
