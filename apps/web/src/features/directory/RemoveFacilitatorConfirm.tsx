import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangeProblem } from './ChangeProblem';

interface Props {
  name: string;
  error: unknown;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Removing a facilitator cannot be undone, so it waits for the admin to confirm; the directory refuses it, saying
 * why, while they have sessions ahead, a group slot or an outreach point (deactivating them is the way then).
 */
export function RemoveFacilitatorConfirm({ name, error, pending, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const action = t('directory.removeFacilitatorOf', { name });
  return (
    <Paper withBorder p="sm" role="group" aria-label={action}>
      <Stack gap="xs">
        <Text>{t('directory.confirmRemoveFacilitator', { name })}</Text>
        <Group>
          <Button color="red" loading={pending} onClick={onConfirm}>{t('directory.confirm')}</Button>
          <Button variant="default" onClick={onCancel}>{t('directory.cancel')}</Button>
        </Group>
        <ChangeProblem error={error} />
      </Stack>
    </Paper>
  );
}
