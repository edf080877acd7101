import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InboxEntryResponse } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';
import { inLanguage } from '../../lib/in-language';
import { MoreButton } from '../../components/MoreButton';
import { itemsOf } from '../../lib/cursor-pages';
import { useDates } from '../../lib/dates';
import { unreadOf, useAcknowledgeNotice, useInbox } from './api';
import { AssignOrderUnit } from './AssignOrderUnit';

type AlertKind = InboxEntryResponse['kind'];

/** The alert each role acknowledges: officers their unit's Article 72 notices, coordinators immediate danger. */
const ACKNOWLEDGES: Partial<Record<string, AlertKind>> = { police: 'article72_notice', coordinator: 'immediate_danger' };

// What still needs the reader comes first: alerts nobody acknowledged yet (told again until someone does), then anything unread.
const urgency = (entry: InboxEntryResponse, alert: AlertKind | undefined) =>
  entry.kind === alert && !entry.acknowledgedAt ? 0 : entry.readAt ? 2 : 1;

function NoticeCard({ entry, alert }: { entry: InboxEntryResponse; alert: AlertKind | undefined }) {
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
      {entry.kind === 'police_unit_unreachable' && entry.referralId && <AssignOrderUnit referralId={entry.referralId} />}
      {entry.kind === alert && (
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

/**
 * An inbox with alerts a person must acknowledge: the police unit's Article 72 notices from crisis centres, or
 * the coordinators' immediate-danger alerts among their reminders and escalations.
 */
export function AlertInbox() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const alert = ACKNOWLEDGES[useSession().session?.role ?? ''];
  if (inbox.isPending) return <Loader aria-label={t('common.loading')} />;
  const entries = [...itemsOf(inbox.data)].sort(
    (a, b) => urgency(a, alert) - urgency(b, alert) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <Stack>
      <Title order={2}>{t('notices.title', { unread: unreadOf(inbox.data) })}</Title>
      {inbox.isError && <Text c="red" role="alert">{t('notices.failed')}</Text>}
      {inbox.isSuccess && entries.length === 0 && <Text>{t('notices.none')}</Text>}
      {entries.map((entry) => <NoticeCard key={entry.entryId} entry={entry} alert={alert} />)}
      <MoreButton list={inbox} />
    </Stack>
  );
}
