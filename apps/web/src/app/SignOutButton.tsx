import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useDeviceOrders } from '../features/orders/api';
import { useSession } from '../lib/session';

/**
 * Signs out, after a warning while orders filed on this phone still wait to be sent: they stay on the phone
 * and leave only once their officer signs in again, which the officer may not expect.
 */
export function SignOutButton() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const { pending } = useDeviceOrders();
  const [asking, { open, close }] = useDisclosure();
  return (
    <>
      <Button variant="subtle" onClick={pending.length > 0 ? open : signOut}>{t('signIn.signOut')}</Button>
      <Modal opened={asking} onClose={close} title={t('signOutWarning.title', { count: pending.length })} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text>{t('signOutWarning.body')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>{t('signOutWarning.stay')}</Button>
            <Button color="red.9" onClick={signOut}>{t('signOutWarning.signOut')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
