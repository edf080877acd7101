import { Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MoreButton } from '../../components/MoreButton';
import { itemsOf } from '../../lib/cursor-pages';
import { useReferrals } from './api';
import { AssignForm } from './AssignForm';
import { ReferralCard } from './ReferralCard';

const NEEDS_A_PERSON = new Set(['escalated', 'unroutable', 'expired', 'declined']);

/** The coordinator's queue: every referral, those the rules could not place first, each with the assign action. */
export function ReferralQueue() {
  const { t } = useTranslation();
  const referrals = useReferrals();
  if (referrals.isPending) return <Loader aria-label={t('common.loading')} />;
  const list = [...itemsOf(referrals.data)].sort(
    (a, b) => Number(NEEDS_A_PERSON.has(b.status)) - Number(NEEDS_A_PERSON.has(a.status)),
  );
  return (
    <Stack>
      <Title order={2}>{t('queue.title')}</Title>
      {list.length === 0 && <Text>{t('queue.none')}</Text>}
      {list.map((referral) => (
        <ReferralCard key={referral.referralId} referral={referral}>
          {NEEDS_A_PERSON.has(referral.status) && <AssignForm referralId={referral.referralId} />}
        </ReferralCard>
      ))}
      <MoreButton list={referrals} />
    </Stack>
  );
}
