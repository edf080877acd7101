import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Names the change, for a screen reader. */
  label: string;
  question: string;
  color: string;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
  /** Shown under the buttons: why the last attempt was refused. */
  children?: ReactNode;
}

/** A change easy to make by a slip and costly to miss, asked once more before it is sent. */
export function ConfirmChange({ label, question, color, pending, onConfirm, onCancel, children }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Stack gap="xs">
        <Text>{question}</Text>
        <Group>
          <Button color={color} loading={pending} onClick={onConfirm}>{t('directory.confirm')}</Button>
          <Button variant="default" onClick={onCancel}>{t('directory.cancel')}</Button>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
