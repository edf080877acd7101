import { Badge, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeResponse } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';
import { useDates } from '../../lib/dates';
import { useProgramme } from './api';
import { AfterProgramme } from './AfterProgramme';
import { AttendanceForm } from './AttendanceForm';
import { CloseProgrammeForm } from './CloseProgrammeForm';
import { SessionsTable } from './SessionsTable';

const RUNNING: ProgrammeResponse['state'][] = ['scheduled', 'in_progress'];
// A programme whose missed session found no slot waits for a coordinator: nothing more to record until then.
const OPEN: ProgrammeResponse['state'][] = [...RUNNING, 'awaiting_decision'];

function Notices({ programme }: { programme: ProgrammeResponse }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (programme.notices.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={4}>{t('programme.notices')}</Title>
      <List>
        {programme.notices.map((notice) => (
          <List.Item key={notice.noticeId}>
            {t('programme.notice', { ground: t(`refusalGround.${notice.ground}`), at: dates.moment(notice.reportedAt) })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Outcome({ programme }: { programme: ProgrammeResponse }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  return (
    <Stack gap={4}>
      <Group>
        <Text fw={600}>{programme.referralNumber}</Text>
        <Badge>{t(`programmeState.${programme.state}`)}</Badge>
      </Group>
      <Text size="sm">{t('programme.expiresAt', { at: dates.moment(programme.expiresAt) })}</Text>
      {programme.closure && (
        <Text size="sm">{t('programme.closedBecause', { reason: t(`closureReason.${programme.closure.reason}`) })}</Text>
      )}
      {programme.closure?.recheckOn && <Text size="sm">{t('programme.recheckOnShown', { day: programme.closure.recheckOn })}</Text>}
      {programme.completion && <Text size="sm">{programme.completion.text[i18n.language as 'ky' | 'ru' | 'en']}</Text>}
    </Stack>
  );
}

/**
 * One programme as the reader may see it: police the outcome and notices only; centre staff the sessions
 * and attendance to record; coordinators the sessions and closing by decision.
 */
export function ProgrammeCard({ programme }: { programme: ProgrammeResponse }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const open = OPEN.includes(programme.state);
  const role = session?.role;
  // Sessions are recorded in order: the first one without a mark is the one to record.
  const next = programme.sessions.find((candidate) => candidate.mark === null);
  return (
    <Card withBorder data-testid="programme">
      <Stack>
        <Outcome programme={programme} />
        <Notices programme={programme} />
        {role !== 'police' && (
          <SessionsTable
            atLabel={t('programme.startsAt')}
            rows={programme.sessions.map((row) => ({ number: row.index, kind: row.kind, at: row.startsAt, mark: row.mark }))}
          />
        )}
        {role === 'centre' && RUNNING.includes(programme.state) && next && (
          <Stack gap={4}>
            <Title order={4}>{t('programme.recordSession', { index: next.index })}</Title>
            <AttendanceForm key={next.index} referralId={programme.referralId} sessionIndex={next.index} />
          </Stack>
        )}
        {role === 'coordinator' && open && <CloseProgrammeForm referralId={programme.referralId} />}
        <AfterProgramme programme={programme} role={role} />
      </Stack>
    </Card>
  );
}

/** The programme on a referral, read for it alone. */
export function ProgrammeDetail({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const programme = useProgramme(referralId);
  if (programme.isPending) return <Loader aria-label={t('common.loading')} />;
  if (!programme.data) return <Text size="sm">{t('programme.notYet')}</Text>;
  return <ProgrammeCard programme={programme.data} />;
}
