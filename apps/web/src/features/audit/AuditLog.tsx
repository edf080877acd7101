import { Alert, Badge, Button, Group, Loader, NativeSelect, ScrollArea, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoreButton } from '../../components/MoreButton';
import { itemsOf } from '../../lib/cursor-pages';
import { useDates } from '../../lib/dates';
import { AuditFilters, useAuditLog } from './api';

/** Auditors and admins: who read or changed what, and when; searching it is itself recorded. */
export function AuditLog() {
  const { t } = useTranslation();
  const dates = useDates();
  const [draft, setDraft] = useState<AuditFilters>({ action: '', resourceType: '', outcome: '' });
  const [filters, setFilters] = useState(draft);
  const log = useAuditLog(filters);
  const entries = itemsOf(log.data);
  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      <form onSubmit={(event) => { event.preventDefault(); setFilters({ ...draft, action: draft.action.trim(), resourceType: draft.resourceType.trim() }); }}
        aria-label={t('audit.filters')}>
        <Group align="end">
          <TextInput label={t('audit.action')} value={draft.action} onChange={(event) => setDraft({ ...draft, action: event.currentTarget.value })} />
          <TextInput label={t('audit.resourceType')} value={draft.resourceType}
            onChange={(event) => setDraft({ ...draft, resourceType: event.currentTarget.value })} />
          <NativeSelect label={t('audit.outcome')} value={draft.outcome}
            onChange={(event) => setDraft({ ...draft, outcome: event.currentTarget.value as AuditFilters['outcome'] })}
            data={[{ value: '', label: t('audit.anyOutcome') }, { value: 'success', label: t('audit.success') }, { value: 'refused', label: t('audit.refused') }]} />
          <Button type="submit">{t('audit.search')}</Button>
        </Group>
      </form>
      {log.error && <Alert color="red" role="alert">{t('audit.failed')}</Alert>}
      {log.isPending && <Loader aria-label={t('common.loading')} />}
      <ScrollArea viewportProps={{ tabIndex: 0 }}>
        <Table striped withTableBorder aria-label={t('audit.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.resource')}</Table.Th>
              <Table.Th>{t('audit.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{dates.moment(entry.at)}</Table.Td>
                <Table.Td>{entry.actorRole ? t(`role.${entry.actorRole}`, { defaultValue: entry.actorRole }) : '—'}</Table.Td>
                {/* A code recorded by a newer gateway than this app shows as the code itself. */}
                <Table.Td>{t(`auditAction.${entry.action}`, { defaultValue: entry.action })}</Table.Td>
                <Table.Td>
                  {t(`auditResource.${entry.resourceType}`, { defaultValue: entry.resourceType })}
                  {entry.resourceId ? ` ${entry.resourceId}` : ''}
                </Table.Td>
                <Table.Td><Badge color={entry.outcome === 'refused' ? 'red.9' : 'teal.9'}>{t(`audit.${entry.outcome}`)}</Badge></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <MoreButton list={log} label={t('audit.more')} />
    </Stack>
  );
}
