import { Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddLeaveForm } from './AddLeaveForm';
import { FacilitatorView, useAddLeave, useRemoveLeave } from './api';
import { ChangeProblem } from './ChangeProblem';
import { LeaveTable } from './LeaveTable';
import { SessionsCoverNote } from './SessionsCoverNote';

/** A facilitator's leave, holidays and other absences, kept apart from their usual week. */
export function LeavePanel({ facilitator, onClose }: { facilitator: FacilitatorView; onClose(): void }) {
  const { t } = useTranslation();
  const add = useAddLeave();
  const remove = useRemoveLeave();
  // A new form after each period added, so the next starts empty.
  const [added, setAdded] = useState(0);
  const title = t('directory.leaveOf', { name: facilitator.displayName });
  return (
    <Stack gap="xs" role="region" aria-label={title}>
      <Title order={5}>{title}</Title>
      <LeaveTable label={title} exceptions={facilitator.exceptions} pending={remove.isPending}
        onRemove={(exceptionId) => remove.mutate({ facilitatorId: facilitator.id, exceptionId })} />
      <ChangeProblem error={remove.error} />
      <AddLeaveForm key={added} error={add.error} pending={add.isPending}
        onAdd={(leave) => add.mutate({ facilitatorId: facilitator.id, leave }, { onSuccess: () => setAdded((count) => count + 1) })} />
      <ChangeProblem error={add.error} />
      <SessionsCoverNote cover={add.data?.facilitator.sessionsCover} />
      <Group>
        <Button variant="default" onClick={onClose}>{t('directory.close')}</Button>
      </Group>
    </Stack>
  );
}
