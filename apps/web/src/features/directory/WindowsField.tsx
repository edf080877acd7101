import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WeeklyWindowBody } from '../../api/korgoo-api';
import { WEEKDAYS } from './week';

interface Props {
  windows: WeeklyWindowBody[];
  /** The field problem at a window's field, by its place in the list. */
  errorAt(index: number, field: keyof WeeklyWindowBody): string | undefined;
  onChange(windows: WeeklyWindowBody[]): void;
  /** What the hours are, when not the days a place is held. */
  label?: string;
}

/** Weekly hours a day at a time: those held at a place, or those a facilitator is available. */
export function WindowsField({ windows, errorAt, onChange, label }: Props) {
  const { t } = useTranslation();
  const change = (index: number, field: keyof WeeklyWindowBody, value: string) =>
    onChange(windows.map((window, at) => (at === index ? { ...window, [field]: field === 'weekday' ? Number(value) : value } : window)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>{label ?? t('directory.days')}</Text>
      {windows.map((window, index) => (
        <Group key={index} align="end">
          <NativeSelect label={t('directory.weekday')} value={String(window.weekday)} error={errorAt(index, 'weekday')}
            onChange={(event) => change(index, 'weekday', event.currentTarget.value)}
            data={WEEKDAYS.map((day) => ({ value: String(day), label: t(`weekday.${day}`) }))} />
          <TextInput type="time" label={t('directory.start')} value={window.start} error={errorAt(index, 'start')}
            onChange={(event) => change(index, 'start', event.currentTarget.value)} />
          <TextInput type="time" label={t('directory.end')} value={window.end} error={errorAt(index, 'end')}
            onChange={(event) => change(index, 'end', event.currentTarget.value)} />
          {windows.length > 1 && (
            <Button variant="subtle" color="red" onClick={() => onChange(windows.filter((_, at) => at !== index))}>
              {t('directory.remove')}
            </Button>
          )}
        </Group>
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange([...windows, { weekday: 2, start: '09:00', end: '17:00' }])}>
          {t('directory.addDay')}
        </Button>
      </Group>
    </Stack>
  );
}
