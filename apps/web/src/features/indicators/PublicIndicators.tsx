import { Alert, Button, Group, List, Loader, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicIndicatorsReply, PublicIndicatorTableResponse, PublicQuarterResponse } from '../../api/korgoo-api';
import { useDates } from '../../lib/dates';
import { inLanguage } from '../../lib/in-language';
import { sinceLastYear, usePublicIndicators } from './api';

type PublicCount = PublicIndicatorTableResponse['national'];

/** A published count; a suppressed one says in words what its sign means, for screen readers too. */
function Count({ value }: { value: PublicCount }) {
  const { t, i18n } = useTranslation();
  if (value === '<5') return <abbr title={t('publicIndicators.fewerThanFive')}>{'<5'}</abbr>;
  if (value === 'x') return <abbr title={t('publicIndicators.hidden')}>x</abbr>;
  return <>{value.toLocaleString(i18n.language)}</>;
}

/** One indicator: a row per month, a column per oblast and the national figure; the period's figures last. */
function IndicatorTable({ reply, table }: { reply: PublicIndicatorsReply; table: PublicIndicatorTableResponse }) {
  const { t, i18n } = useTranslation();
  const title = inLanguage(table.label, i18n.language);
  return (
    <Stack gap={4}>
      <Title order={3}>{title}</Title>
      <ScrollArea viewportProps={{ tabIndex: 0, 'aria-label': title }}>
        <Table striped withTableBorder withColumnBorders aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dimension.month')}</Table.Th>
              {reply.oblasts.map((oblast) => <Table.Th scope="col" key={oblast}>{t(`oblast.${oblast}`)}</Table.Th>)}
              <Table.Th scope="col">{t('publicIndicators.national')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reply.months.map((month, row) => (
              <Table.Tr key={month}>
                <Table.Th scope="row">{month}</Table.Th>
                {reply.oblasts.map((oblast, column) => <Table.Td key={oblast}><Count value={table.byMonthAndOblast[row]?.[column] ?? 'x'} /></Table.Td>)}
                <Table.Td><Count value={table.nationalByMonth[row] ?? 'x'} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('publicIndicators.period')}</Table.Th>
              {reply.oblasts.map((oblast, column) => <Table.Td key={oblast}><Count value={table.byOblast[column] ?? 'x'} /></Table.Td>)}
              <Table.Td><Count value={table.national} /></Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>
    </Stack>
  );
}

/** Which edition of each quarter asked is shown, and when the next comes out. */
function Editions({ quarters }: { quarters: PublicQuarterResponse[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Stack gap={4}>
      <Text size="sm">{t('publicIndicators.editions')}</Text>
      <List size="sm" aria-label={t('publicIndicators.editionsList')}>
        {quarters.map((quarter) => (
          <List.Item key={quarter.from}>
            {t(`publicIndicators.edition.${quarter.edition ?? 'none'}`, {
              from: quarter.from,
              to: quarter.to,
              countedBefore: quarter.countedBefore && dates.dayInKyrgyzstan(quarter.countedBefore),
              next: quarter.nextEditionOn && dates.dayInKyrgyzstan(quarter.nextEditionOn),
            })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/**
 * The national and oblast counts anyone may read, without an account: orders, referrals and programme steps
 * by month. The API suppresses small counts; this page says what the signs mean.
 */
export function PublicIndicators() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(sinceLastYear);
  const [period, setPeriod] = useState(draft);
  const reply = usePublicIndicators(period);
  return (
    <Stack>
      <Title order={2}>{t('publicIndicators.title')}</Title>
      <Text>{t('publicIndicators.intro')}</Text>
      <form onSubmit={(event) => { event.preventDefault(); setPeriod(draft); }} aria-label={t('indicators.filters')}>
        <Group align="end">
          <TextInput type="month" label={t('indicators.from')} value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })} />
          <TextInput type="month" label={t('indicators.to')} value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })} />
          <Button type="submit">{t('indicators.show')}</Button>
        </Group>
      </form>
      <Text size="sm">{t('publicIndicators.legend')}</Text>
      {reply.data && <Text size="sm">{t('publicIndicators.quarters', { from: reply.data.from, to: reply.data.to })}</Text>}
      {reply.data && <Editions quarters={reply.data.quarters} />}
      {reply.error && <Alert color="red" role="alert">{t('publicIndicators.failed')}</Alert>}
      {reply.isPending && <Loader aria-label={t('common.loading')} />}
      {reply.data?.indicators.map((table) => <IndicatorTable key={table.key} reply={reply.data} table={table} />)}
    </Stack>
  );
}
