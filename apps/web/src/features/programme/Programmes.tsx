import { Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemsOf } from '../../lib/cursor-pages';
import { useReferrals } from '../referrals/api';
import { ReferralCard } from '../referrals/ReferralCard';
import { WITH_PROGRAMME } from './api';
import { ProgrammeDetail } from './ProgrammeDetail';

/** Centre staff and coordinators: accepted referrals, each opening its programme. */
export function Programmes() {
  const { t } = useTranslation();
  const referrals = useReferrals();
  const [opened, setOpened] = useState<string | null>(null);
  if (referrals.isPending) return <Loader aria-label={t('common.loading')} />;
  const accepted = itemsOf(referrals.data).filter((referral) => WITH_PROGRAMME.includes(referral.status));
  return (
    <Stack>
      <Title order={2}>{t('programme.title')}</Title>
      {accepted.length === 0 && <Text>{t('programme.none')}</Text>}
      {accepted.map((referral) => (
        <ReferralCard key={referral.referralId} referral={referral}>
          {opened === referral.referralId ? (
            <ProgrammeDetail referralId={referral.referralId} />
          ) : (
            <Button variant="light" onClick={() => setOpened(referral.referralId)}>
              {t('programme.open', { number: referral.referralNumber })}
            </Button>
          )}
        </ReferralCard>
      ))}
    </Stack>
  );
}
