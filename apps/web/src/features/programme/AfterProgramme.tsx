import { Alert, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeResponse } from '../../api/korgoo-api';
import { useEnrolVoluntary } from './api';

/**
 * After a completed programme: the voluntary component (enrolment by the centre or a coordinator, its
 * progress) and the monitoring meetings of the 18 months after completion. Sessions and meetings are
 * recorded through the API; this shows where they stand.
 */
export function AfterProgramme({ programme, mayEnrol }: { programme: ProgrammeResponse; mayEnrol: boolean }) {
  const { t } = useTranslation();
  const enrol = useEnrolVoluntary(programme.referralId);
  if (programme.state !== 'completed') return null;
  const voluntary = programme.voluntary;
  const attended = (kind: 'individual' | 'group') => voluntary?.sessions.filter((s) => s.kind === kind && s.mark === 'attended').length ?? 0;
  return (
    <Stack gap={4}>
      <Title order={4}>{t('programme.voluntary')}</Title>
      {voluntary ? (
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
      ) : mayEnrol ? (
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
            {t('programme.meeting', {
              number: meeting.number,
              months: meeting.monthsAfterCompletion,
              at: new Date(meeting.dueAt).toLocaleDateString(),
              outcome: meeting.outcome ? t(`followUpOutcome.${meeting.outcome}`) : '—',
            })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
