import { Alert, Button, Group, Loader, NativeSelect, ScrollArea, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorSheetResponse } from '../../api/korgoo-api';
import { inLanguage } from '../../lib/in-language';
import { DIMENSIONS, IndicatorFilters, thisYear, useIndicatorExport, useIndicators } from './api';

function initialFilters(): IndicatorFilters {
  return { ...thisYear(), groupBy: 'month', oblast: '', centreId: '' };
}

function Sheet({ sheet }: { sheet: IndicatorSheetResponse }) {
  const { i18n } = useTranslation();
  const label = (text: IndicatorSheetResponse['title']) => inLanguage(text, i18n.language);
  const cell = (value: number | null) => (value === null ? '—' : value.toLocaleString(i18n.language));
  return (
    <Stack gap={4}>
      <Title order={3}>{label(sheet.title)}</Title>
      <ScrollArea viewportProps={{ tabIndex: 0 }}>
        <Table striped withTableBorder aria-label={label(sheet.title)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{label(sheet.dimension.label)}</Table.Th>
              {sheet.columns.map((column) => <Table.Th key={column.key}>{label(column.label)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheet.rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{row.key}</Table.Td>
                {row.values.map((value, index) => <Table.Td key={sheet.columns[index]?.key ?? index}>{cell(value)}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}

/** Coordinators, admins, probation and centres: the indicators the report asks for, and their CSV / XLSX export. */
export function IndicatorsScreen() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(initialFilters);
  const [filters, setFilters] = useState(draft);
  const report = useIndicators(filters);
  const exporter = useIndicatorExport();
  const set = (key: keyof IndicatorFilters) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value });

  return (
    <Stack>
      <Title order={2}>{t('indicators.title')}</Title>
      <form onSubmit={(event) => { event.preventDefault(); setFilters(draft); }} aria-label={t('indicators.filters')}>
        <Group align="end">
          <TextInput type="month" label={t('indicators.from')} value={draft.from} onChange={set('from')} />
          <TextInput type="month" label={t('indicators.to')} value={draft.to} onChange={set('to')} />
          <NativeSelect label={t('indicators.groupBy')} value={draft.groupBy} onChange={set('groupBy')}
            data={DIMENSIONS.map((value) => ({ value, label: t(`dimension.${value}`) }))} />
          <TextInput label={t('indicators.oblast')} value={draft.oblast} onChange={set('oblast')} />
          <TextInput label={t('indicators.centreId')} value={draft.centreId} onChange={set('centreId')} />
          <Button type="submit">{t('indicators.show')}</Button>
        </Group>
      </form>
      <Group>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button key={format} variant="outline" loading={exporter.isPending && exporter.variables?.format === format}
            onClick={() => exporter.mutate({ filters, format, lang: i18n.language })}>
            {t(`indicators.download.${format}`)}
          </Button>
        ))}
      </Group>
      {(report.error || exporter.error) && <Alert color="red" role="alert">{t('indicators.failed')}</Alert>}
      {report.isPending && <Loader aria-label={t('common.loading')} />}
      {report.data?.sheets.map((sheet) => <Sheet key={sheet.group} sheet={sheet} />)}
    </Stack>
  );
}
