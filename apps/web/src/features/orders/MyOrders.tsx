import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProgrammeDetail } from '../programme/ProgrammeDetail';
import { WITH_PROGRAMME } from '../programme/api';
import { useDeviceOrders, useMyOrders } from './api';
import { OrderChanges } from './OrderChanges';
import { PendingOrders } from './PendingOrders';

/** The officer's orders and where each stands; nothing about the victim beyond what police entered. */
export function MyOrders() {
  const { t } = useTranslation();
  const orders = useMyOrders();
  const { pending } = useDeviceOrders();
  return (
    <Stack>
      <Title order={2}>{t('myOrders.title')}</Title>
      <PendingOrders />
      {orders.length === 0 && pending.length === 0 && <Text>{t('myOrders.none')}</Text>}
      {orders.map(({ data }, index) =>
        data ? (
          <Card key={data.orderId} withBorder data-testid="order-card">
            <Group justify="space-between">
              <Text fw={600}>{data.orderNumber}</Text>
              <Badge aria-label={t('myOrders.stage')}>{t(`stage.${data.stage}`)}</Badge>
            </Group>
            <Text size="sm">{data.perpetrator.fullName ?? t('myOrders.erased')}</Text>
            <OrderChanges order={data} />
            {data.referral && (
              <Text size="sm">
                {t('myOrders.referral', { status: t(`referralStatus.${data.referral.status}`), centre: data.referral.centreName ?? '—' })}
              </Text>
            )}
            {data.referral && WITH_PROGRAMME.includes(data.referral.status) && <ProgrammeDetail referralId={data.referral.referralId} />}
          </Card>
        ) : (
          <Card key={index} withBorder><Text>{t('common.loading')}</Text></Card>
        ),
      )}
    </Stack>
  );
}
