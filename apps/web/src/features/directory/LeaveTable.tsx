import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../lib/dates';
import type { ExceptionView } from './api';
import { leaveDays } from './leave';
import { ListTable } from './ListTable';
import { RemoveButton } from './RemoveButton';

interface Props {
  label: string;
  exceptions: ExceptionView[];
  pending: boolean;
  onRemove(exceptionId: string): void;
}

/** A facilitator's periods away, each by its first and last Bishkek day and why. */
export function LeaveTable({ label, exceptions, pending, onRemove }: Props) {
  const { t } = useTranslation();
  const dates = useDates();
  if (exceptions.length === 0) return <Text c="dimmed">{t('directory.noLeave')}</Text>;
  return (
    <ListTable label={label} headings={[t('directory.period'), t('directory.reason')]} actions={t('directory.actions')}>
      {exceptions.map((exception) => {
        const { first, last } = leaveDays(exception);
        const period = first === last ? dates.day(first) : `${dates.day(first)} – ${dates.day(last)}`;
        return (
          <Table.Tr key={exception.id}>
            <Table.Td>{period}</Table.Td>
            <Table.Td>{t(`directory.exceptionReason.${exception.reason}`)}</Table.Td>
            <Table.Td>
              <RemoveButton label={t('directory.removeLeaveOf', { period })} disabled={pending} onRemove={() => onRemove(exception.id)} />
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
