import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeSessionResponse } from '../../api/korgoo-api';
import { useDates } from '../../lib/dates';

export interface SessionRow {
  number: number;
  kind: ProgrammeSessionResponse['kind'];
  /** When it starts (planned) or was held. */
  at: string;
  mark: ProgrammeSessionResponse['mark'];
}

/** Sessions in order, with their day and how each went; `atLabel` says whether the day is planned or past. */
export function SessionsTable({ rows, atLabel, label }: { rows: SessionRow[]; atLabel: string; label?: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Table aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('programme.session')}</Table.Th>
          <Table.Th>{atLabel}</Table.Th>
          <Table.Th>{t('programme.mark')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.number}>
            <Table.Td>{t('programme.sessionName', { index: row.number, kind: t(`sessionKind.${row.kind}`) })}</Table.Td>
            <Table.Td>{dates.moment(row.at)}</Table.Td>
            <Table.Td>{row.mark ? t(`mark.${row.mark}`) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
