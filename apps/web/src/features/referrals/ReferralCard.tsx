import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralResponse } from '../../api/korgoo-api';
import { useDates } from '../../lib/dates';
import { settlementNameOf } from '../../lib/settlement-names';

/** What a centre needs to plan and a coordinator to decide: no victim data, no perpetrator name. */
export function ReferralCard({ referral, children }: { referral: ReferralResponse; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  return (
    <Card withBorder data-testid="referral-card">
      <Stack gap={4}>
        <Group justify="space-between">
          <Text fw={600}>{referral.referralNumber}</Text>
          <Badge>{t(`referralStatus.${referral.status}`)}</Badge>
        </Group>
        <Text size="sm">{t('referral.centre', { centre: referral.centreName ?? '—' })}</Text>
        {referral.outreachSettlementCode && (
          <Text size="sm">{t('referral.outreach', { place: settlementNameOf(referral.outreachSettlementCode, i18n.language) })}</Text>
        )}
        <Text size="sm">{t('referral.priority', { priority: t(`priority.${referral.priority}`) })}</Text>
        <Text size="sm">{t('referral.language', { language: t(`language.${referral.language}`) })}</Text>
        {referral.acknowledgeBy && (
          <Text size="sm">{t('referral.acknowledgeBy', { at: dates.moment(referral.acknowledgeBy) })}</Text>
        )}
        {referral.travelMinutes !== null && <Text size="sm">{t('referral.travel', { minutes: referral.travelMinutes })}</Text>}
        {children}
      </Stack>
    </Card>
  );
}
