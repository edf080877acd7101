import { Button, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclineReferralRequest, ReferralResponse } from '../../api/korgoo-api';
import { inLanguage } from '../../lib/in-language';
import { MoreButton } from '../../components/MoreButton';
import { itemsOf } from '../../lib/cursor-pages';
import { useFieldErrors } from '../../lib/field-errors';
import { RefusalAlert } from '../../lib/RefusalAlert';
import { unreadOf, useInbox } from './api';
import { useReferralDecision, useReferrals } from '../referrals/api';
import { ReferralCard } from '../referrals/ReferralCard';

const REASONS: DeclineReferralRequest['reason'][] = ['at_capacity', 'out_of_area', 'language', 'no_facilitator_pair', 'conflict_of_interest'];

/** Accept, or decline with a reason; a refusal is said by its rule, a field problem at the reason. */
function ProposalActions({ referral }: { referral: ReferralResponse }) {
  const { t } = useTranslation();
  const decide = useReferralDecision();
  const { errorAt } = useFieldErrors(decide.error);
  const [reason, setReason] = useState<DeclineReferralRequest['reason']>('at_capacity');
  return (
    <Stack gap={4}>
      <RefusalAlert error={decide.error} fallback={t('form.failed')} shows={(field) => field === 'reason'} />
      <Group align="end">
        <Button onClick={() => decide.mutate({ action: 'accept', referralId: referral.referralId })} loading={decide.isPending}>
          {t('inbox.accept')}
        </Button>
        <NativeSelect
          label={t('inbox.declineReason')}
          value={reason}
          error={errorAt('reason')}
          onChange={(event) => setReason(event.currentTarget.value as DeclineReferralRequest['reason'])}
          data={REASONS.map((value) => ({ value, label: t(`declineReason.${value}`) }))}
        />
        <Button variant="outline" color="red" onClick={() => decide.mutate({ action: 'decline', referralId: referral.referralId, body: { reason } })}>
          {t('inbox.decline')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The centre's inbox and its referrals: proposals to accept or decline, with the minimum needed to plan. */
export function CentreInbox() {
  const { t, i18n } = useTranslation();
  const inbox = useInbox();
  const referrals = useReferrals();
  if (inbox.isPending || referrals.isPending) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack>
      <Title order={2}>{t('inbox.title', { unread: unreadOf(inbox.data) })}</Title>
      {itemsOf(inbox.data).map((entry) => (
        <Text key={entry.entryId} fw={entry.readAt ? 400 : 600}>{inLanguage(entry.title, i18n.language)}</Text>
      ))}
      <MoreButton list={inbox} />
      <Title order={3}>{t('inbox.referrals')}</Title>
      {referrals.isSuccess && itemsOf(referrals.data).length === 0 && <Text>{t('queue.none')}</Text>}
      {itemsOf(referrals.data).map((referral) => (
        <ReferralCard key={referral.referralId} referral={referral}>
          {referral.status === 'proposed' && <ProposalActions referral={referral} />}
        </ReferralCard>
      ))}
      <MoreButton list={referrals} />
    </Stack>
  );
}
