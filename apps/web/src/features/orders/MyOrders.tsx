import { Alert, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderListItemResponse } from '../../api/korgoo-api';
import { MoreButton } from '../../components/MoreButton';
import { itemsOf } from '../../lib/cursor-pages';
import { settlementNameOf } from '../../lib/settlement-names';
import { useDates } from '../../lib/dates';
import { ProgrammeCard } from '../programme/ProgrammeDetail';
import { WITH_PROGRAMME } from '../programme/api';
import { useDeviceOrders, useUnitOrders } from './api';
import { OrderChanges } from './OrderChanges';
import { PendingOrders } from './PendingOrders';

/** One order of the unit, as the list gives it: no further request per order. */
function OrderCard({ item }: { item: OrderListItemResponse }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  return (
    <Card withBorder data-testid="order-card">
      <Group justify="space-between">
        <Text fw={600}>{item.orderNumber}</Text>
        <Badge aria-label={t('myOrders.stage')}>{t(`stage.${item.stage}`)}</Badge>
      </Group>
      <Text size="sm">{t('myOrders.issued', { at: dates.moment(item.issuedAt) })}</Text>
      <Text size="sm">{item.perpetratorName ?? t('myOrders.erased')}</Text>
      <OrderChanges order={item} />
      {item.referral && (
        <Text size="sm">
          {t('myOrders.referral', { status: t(`referralStatus.${item.referral.status}`), centre: item.referral.centreName ?? '—' })}
        </Text>
      )}
      {item.referral?.outreachSettlementCode && (
        <Text size="sm">{t('referral.outreach', { place: settlementNameOf(item.referral.outreachSettlementCode, i18n.language) })}</Text>
      )}
      {item.programme && <ProgrammeCard programme={item.programme} />}
      {!item.programme && item.referral && WITH_PROGRAMME.includes(item.referral.status) && <Text size="sm">{t('programme.notYet')}</Text>}
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
