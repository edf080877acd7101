import { Alert, Loader, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCentres } from './api';
import { CentreDetail } from './CentreDetail';
import { CentresTable } from './CentresTable';

/** Admins: the crisis centres, and for the one chosen its weekly group slots and outreach points. */
export function DirectoryScreen() {
  const { t } = useTranslation();
  const centres = useCentres();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={2}>{t('directory.title')}</Title>
      {centres.error && <Alert color="red" role="alert">{t('directory.failed')}</Alert>}
      {centres.isPending && <Loader aria-label={t('common.loading')} />}
      {centres.data && <CentresTable centres={centres.data} chosen={chosen} onChoose={setChosen} />}
      {chosen && <CentreDetail key={chosen} centreId={chosen} />}
    </Stack>
  );
}
