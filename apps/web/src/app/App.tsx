import { AppShell, Burger, Button, Container, Group, Loader, Modal, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../features/auth/SignInForm';
import { rememberedLanguage } from '../i18n';
import { useSession } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutButton } from './SignOutButton';
import { BACKGROUND, SCREENS } from './screens';

const PublicIndicators = lazy(() => import('../features/indicators/PublicIndicators').then((m) => ({ default: m.PublicIndicators })));

/** The sign-in screen, and the indicators anyone may read without an account. */
function SignedOut() {
  const { t } = useTranslation();
  const [publicView, setPublicView] = useState(false);
  return (
    <Container size={publicView ? 'xl' : 420} py="xl">
      <Stack>
        <Group justify="space-between">
          <Title order={1}>{t('app.name')}</Title>
          <LanguageSwitch />
        </Group>
        {publicView ? (
          <>
            <Group>
              <Button variant="subtle" onClick={() => setPublicView(false)}>{t('publicIndicators.back')}</Button>
            </Group>
            <Suspense fallback={<Loader aria-label={t('common.loading')} />}><PublicIndicators /></Suspense>
          </>
        ) : (
          <>
            <Text>{t('signIn.intro')}</Text>
            <Paper withBorder p="md">
              <SignInForm />
            </Paper>
            <Button variant="subtle" onClick={() => setPublicView(true)}>{t('publicIndicators.open')}</Button>
          </>
        )}
      </Stack>
    </Container>
  );
}

/** Role-based navigation; an expired session opens a dialog over the screen, so a half-filled form stays as it was. */
export function App() {
  const { t, i18n } = useTranslation();
  const { session, expired } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const screens = session ? SCREENS[session.role] : [];
  const [current, setCurrent] = useState(0);

  useEffect(() => {
    if (session) void i18n.changeLanguage(rememberedLanguage(session.username));
    setCurrent(0);
  }, [session?.username]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  if (!session) return <SignedOut />;
  const Screen = screens[current]?.Component;
  const Background = BACKGROUND[session.role];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.menu')} />
            <Title order={1} size="h3">{t('app.name')}</Title>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('app.menu')}>
        {screens.map((screen, index) => (
          <NavLink
            key={screen.key}
            label={t(`nav.${screen.key}`)}
            active={index === current}
            // Filled: the light variant's blue on pale blue falls short of AA contrast.
            variant="filled"
            component="button"
            onClick={() => {
              setCurrent(index);
              close();
            }}
          />
        ))}
        <Text size="sm" mt="md">{t(`role.${session.role}`)}: {session.username}</Text>
        <SignOutButton />
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loader aria-label={t('common.loading')} />}>{Screen && <Screen />}</Suspense>
        <Suspense fallback={null}>{Background && <Background />}</Suspense>
      </AppShell.Main>
      <Modal opened={expired} onClose={() => undefined} withCloseButton={false} title={t('signIn.expired')}>
        <SignInForm username={session.username} />
      </Modal>
    </AppShell>
  );
}
