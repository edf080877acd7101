import { Alert, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderListItemResponse } from '../../api/korgoo-api';
import { MoreButton } from '../../components/MoreButton';
import { itemsOf } from '../../lib/cursor-pages';
import { useDates } from '../../lib/dates';
import { ProgrammeDetail } from '../programme/ProgrammeDetail';
import { WITH_PROGRAMME } from '../programme/api';
import { useDeviceOrders, useOrder, useUnitOrders } from './api';
import { OrderChanges } from './OrderChanges';
import { PendingOrders } from './PendingOrders';

/** One order of the unit: the list gives its number and issue; where it stands is read for it alone. */
function OrderCard({ item }: { item: OrderListItemResponse }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { data } = useOrder(item.orderId);
  return (
    <Card withBorder data-testid="order-card">
      <Group justify="space-between">
        <Text fw={600}>{item.orderNumber}</Text>
        {data && <Badge aria-label={t('myOrders.stage')}>{t(`stage.${data.stage}`)}</Badge>}
      </Group>
      <Text size="sm">{t('myOrders.issued', { at: dates.moment(item.issuedAt) })}</Text>
      {data ? (
        <>
          <Text size="sm">{data.perpetrator.fullName ?? t('myOrders.erased')}</Text>
          <OrderChanges order={data} />
          {data.referral && (
            <Text size="sm">
              {t('myOrders.referral', { status: t(`referralStatus.${data.referral.status}`), centre: data.referral.centreName ?? '—' })}
            </Text>
          )}
          {data.referral && WITH_PROGRAMME.includes(data.referral.status) && <ProgrammeDetail referralId={data.referral.referralId} />}
        </>
      ) : (
        <Text size="sm">{t('common.loading')}</Text>
      )}
    </Card>
  );
}

/**
 * The unit's orders and where each stands, from the API, under the orders still waiting on this phone;
 * nothing about the victim beyond what police entered.
 */
export function MyOrders() {
  const { t } = useTranslation();
  const list = useUnitOrders();
  const { pending } = useDeviceOrders();
  const orders = itemsOf(list.data);
  // Offline, TanStack Query holds the request until the network returns: say so instead of spinning.
  const waitingForNetwork = list.isPending && list.fetchStatus === 'paused';
  return (
    <Stack>
      <Title order={2}>{t('myOrders.title')}</Title>
      <PendingOrders />
      {waitingForNetwork && <Text>{t('myOrders.offline')}</Text>}
      {list.isPending && !waitingForNetwork && <Loader aria-label={t('common.loading')} />}
      {list.isError && <Alert color="red" role="alert">{t('myOrders.failed')}</Alert>}
      {list.isSuccess && orders.length === 0 && pending.length === 0 && <Text>{t('myOrders.none')}</Text>}
      {orders.map((item) => <OrderCard key={item.orderId} item={item} />)}
      <MoreButton list={list} label={t('myOrders.more')} />
    </Stack>
  );
}
