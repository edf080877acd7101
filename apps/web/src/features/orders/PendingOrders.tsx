import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { useDates } from '../../lib/dates';
import { useDeviceOrders } from './api';
import type { SavedOrder } from './device-orders';

/**
 * The orders saved on this phone and not yet answered by the API: what each waits for, and what the officer
 * can do. Where the form is at hand (`onCorrect`), a refused order can be opened in it to be corrected.
 */
export function PendingOrders({ onCorrect }: { onCorrect?(saved: SavedOrder): void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { api } = useSession();
  const { device, pending, sending } = useDeviceOrders();
  if (pending.length === 0) return null;
  return (
    <Stack gap="xs" aria-labelledby="pending-orders-title" component="section">
      <Title order={3} id="pending-orders-title">{t('sendQueue.title', { count: pending.length })}</Title>
      {/* A standing notice, not an alarm: Mantine's alert role would interrupt screen readers on every screen. */}
      <Alert color="blue" role="note">{t('sendQueue.privacy')}</Alert>
      {pending.map((saved) => {
        const { request, savedAt, hold } = saved;
        const inFlight = sending.includes(request.orderNumber);
        return (
          <Card key={request.orderNumber} withBorder data-testid="pending-order">
            <Text fw={600}>{request.orderNumber}</Text>
            {/* A line, not a badge: a badge would cut the long Kyrgyz wording on a phone. Shade 9 keeps AA contrast. */}
            <Text size="sm" fw={600} c={hold ? 'red.9' : 'blue.9'}>
              {t(inFlight ? 'sendQueue.sending' : hold ? 'sendQueue.held' : 'sendQueue.savedOnPhone')}
            </Text>
            <Text size="sm">{t('sendQueue.savedAt', { at: dates.moment(savedAt) })}</Text>
            {hold && <Text size="sm" c="red.9">{t(`sendQueue.${hold}`)}</Text>}
            <Group mt="xs">
              {hold === 'refused' && onCorrect && (
                <Button variant="light" onClick={() => onCorrect(saved)}>
                  {t('sendQueue.correct')}
                </Button>
              )}
              {hold ? (
                <Button variant="light" color="red" onClick={() => device.drop(request.orderNumber)}>
                  {t('sendQueue.remove')}
                </Button>
              ) : (
                <Button variant="light" loading={inFlight} onClick={() => void device.send(api, request.orderNumber)}>
                  {t('sendQueue.sendNow')}
                </Button>
              )}
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
