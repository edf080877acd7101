import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InboxEntryResponse } from '../../api/korgoo-api';
import { inLanguage } from '../orders/ScreeningQuestion';
import { MoreButton } from '../../components/MoreButton';
import { itemsOf } from '../../lib/cursor-pages';
import { useDates } from '../../lib/dates';
import { unreadOf, useAcknowledgeNotice, useInbox } from './api';

// What still needs the officer comes first: notices nobody in the unit acknowledged, then anything unread.
const urgency = (entry: InboxEntryResponse) =>
  entry.kind === 'article72_notice' && !entry.acknowledgedAt ? 0 : entry.readAt ? 2 : 1;

const byUrgency = (a: InboxEntryResponse, b: InboxEntryResponse) =>
  urgency(a) - urgency(b) || b.createdAt.localeCompare(a.createdAt);

function NoticeCard({ entry }: { entry: InboxEntryResponse }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const acknowledge = useAcknowledgeNotice();
  const unread = !entry.readAt;
  return (
    <Card withBorder data-testid="notice">
      <Group justify="space-between">
        <Text fw={unread ? 600 : 400}>{inLanguage(entry.title, i18n.language)}</Text>
        {unread && <Badge color="red">{t('notices.unread')}</Badge>}
      </Group>
      {entry.orderNumber && <Text size="sm">{t('notices.order', { number: entry.orderNumber })}</Text>}
      <Text size="sm">{t('notices.received', { at: dates.moment(entry.createdAt) })}</Text>
      {entry.kind === 'article72_notice' && (
        <Group mt="sm">
          <Button
            onClick={() => acknowledge.mutate(entry.entryId)}
            loading={acknowledge.isPending}
            disabled={entry.acknowledgedAt !== null}
          >
            {entry.acknowledgedAt ? t('notices.acknowledged') : t('notices.acknowledge')}
          </Button>
          {entry.acknowledgedAt && (
            <Text size="sm">
              {t('notices.acknowledgedBy', { at: dates.moment(entry.acknowledgedAt), who: entry.acknowledgedBy ?? '—' })}
            </Text>
          )}
          {acknowledge.isError && <Text size="sm" c="red" role="alert">{t('form.failed')}</Text>}
        </Group>
      )}
    </Card>
  );
}

/** The police unit's inbox: Article 72 notices from crisis centres, which an officer of the unit acknowledges. */
export function PoliceNotices() {
  const { t } = useTranslation();
  const inbox = useInbox();
  if (inbox.isPending) return <Loader aria-label={t('common.loading')} />;
  const entries = [...itemsOf(inbox.data)].sort(byUrgency);
  return (
    <Stack>
      <Title order={2}>{t('notices.title', { unread: unreadOf(inbox.data) })}</Title>
      {inbox.isError && <Text c="red" role="alert">{t('notices.failed')}</Text>}
      {inbox.isSuccess && entries.length === 0 && <Text>{t('notices.none')}</Text>}
      {entries.map((entry) => <NoticeCard key={entry.entryId} entry={entry} />)}
      <MoreButton list={inbox} />
    </Stack>
  );
}
