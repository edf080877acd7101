import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CentreSummaryView, useSetCentreStatus } from './api';
import { CentreStatusBadge } from './CentreStatusBadge';
import { ChangeProblem } from './ChangeProblem';
import { ConfirmChange } from './ConfirmChange';

interface Props {
  centreId: string;
  name: string;
  status: CentreSummaryView['status'];
}

/**
 * Pauses or reopens the centre, after the admin confirms: a paused centre keeps its referrals and sessions
 * but routing offers it to no new participant, which is easy to set by a slip and costly to miss.
 */
export function CentreStatusControl({ centreId, name, status }: Props) {
  const { t } = useTranslation();
  const change = useSetCentreStatus(centreId);
  const [confirming, setConfirming] = useState(false);
  const next = status === 'open' ? 'paused' : 'open';
  const action = t(`directory.setStatus.${next}`);
  const cancel = () => {
    setConfirming(false);
    change.reset();
  };
  return (
    <Stack gap="xs">
      <Group>
        <Text size="sm" fw={500}>{t('directory.status')}</Text>
        <CentreStatusBadge status={status} />
        {!confirming && <Button variant="light" size="compact-sm" onClick={() => setConfirming(true)}>{action}</Button>}
      </Group>
      {confirming && (
        <ConfirmChange label={action} question={t(`directory.confirmStatus.${next}`, { name })} color={next === 'paused' ? 'red' : 'teal.9'}
          pending={change.isPending} onCancel={cancel} onConfirm={() => change.mutate(next, { onSuccess: () => setConfirming(false) })} />
      )}
      <ChangeProblem error={change.error} />
    </Stack>
  );
}
