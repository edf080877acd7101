import { Alert, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUpMeetingResponse, ProgrammeResponse } from '../../api/korgoo-api';
import { useDates } from '../../lib/dates';
import { RefusalAlert } from '../../lib/RefusalAlert';
import type { Session } from '../../lib/session';
import { useEnrolVoluntary, useRecordFollowUp } from './api';
import { VoluntarySessionForm } from './AttendanceForm';
import { SessionsTable } from './SessionsTable';

/** Centre staff record each meeting once: held (from two weeks before it falls due) or missed (once due). */
function FollowUpActions({ referralId, meeting }: { referralId: string; meeting: FollowUpMeetingResponse }) {
  const { t } = useTranslation();
  const record = useRecordFollowUp(referralId);
  return (
    <Stack gap={4}>
      <RefusalAlert error={record.error} fallback={t('programme.followUpRefused')} />
      <Group gap="xs">
        {(['held', 'missed'] as const).map((outcome) => (
          <Button key={outcome} size="xs" variant="light" loading={record.isPending && record.variables?.outcome === outcome}
            onClick={() => record.mutate({ number: meeting.number, outcome })}>
            {t(`programme.recordFollowUp.${outcome}`, { number: meeting.number })}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

/**
 * After a completed programme: the voluntary component (enrolment by the centre or a coordinator; its sessions,
 * recorded by the centre) and the monitoring meetings of the 18 months after completion (recorded by the centre).
 */
export function AfterProgramme({ programme, role }: { programme: ProgrammeResponse; role: Session['role'] | undefined }) {
  const { t } = useTranslation();
  const dates = useDates();
  const enrol = useEnrolVoluntary(programme.referralId);
  if (programme.state !== 'completed') return null;
  const voluntary = programme.voluntary;
  const centre = role === 'centre';
  const attended = (kind: 'individual' | 'group') => voluntary?.sessions.filter((s) => s.kind === kind && s.mark === 'attended').length ?? 0;
  return (
    <Stack gap={4}>
      <Title order={4}>{t('programme.voluntary')}</Title>
      {voluntary ? (
        <>
          <Group>
            <Badge>{t(`voluntaryState.${voluntary.state}`)}</Badge>
            <Text size="sm">
              {t('programme.voluntaryProgress', {
                individual: attended('individual'),
                individualPlan: voluntary.plan.individual,
                group: attended('group'),
                groupPlan: voluntary.plan.group,
              })}
            </Text>
          </Group>
          {role !== 'police' && voluntary.sessions.length > 0 && (
            <SessionsTable
              label={t('programme.voluntarySessions')}
              atLabel={t('programme.heldAt')}
              rows={voluntary.sessions.map((row) => ({ number: row.number, kind: row.kind, at: row.heldAt, mark: row.mark }))}
            />
          )}
          {centre && voluntary.state === 'enrolled' && (
            <Stack gap={4}>
              <Title order={5}>{t('programme.recordVoluntary', { number: voluntary.sessions.length + 1 })}</Title>
              <VoluntarySessionForm key={voluntary.sessions.length} referralId={programme.referralId} number={voluntary.sessions.length + 1} />
            </Stack>
          )}
        </>
      ) : centre || role === 'coordinator' ? (
        <Group>
          {enrol.error && <Alert color="red" role="alert">{t('form.failed')}</Alert>}
          <Button variant="light" loading={enrol.isPending} onClick={() => enrol.mutate()}>{t('programme.enrol')}</Button>
        </Group>
      ) : (
        <Text size="sm">{t('programme.notEnrolled')}</Text>
      )}
      <Title order={4}>{t('programme.monitoring')}</Title>
      <List>
        {programme.monitoring.map((meeting) => (
          <List.Item key={meeting.number}>
            <Text size="sm">
              {t('programme.meeting', {
                number: meeting.number,
                months: meeting.monthsAfterCompletion,
                at: dates.day(meeting.dueAt.slice(0, 10)),
                outcome: meeting.outcome ? t(`followUpOutcome.${meeting.outcome}`) : '—',
              })}
            </Text>
            {centre && !meeting.outcome && <FollowUpActions referralId={programme.referralId} meeting={meeting} />}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
