import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';

/** Used both on the first screen and in the dialog that asks again when a session has expired. */
export function SignInForm({ username: known }: { username?: string }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState(known ?? '');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFailed(false);
    try {
      await signIn(username.trim(), password);
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        {failed && <Alert color="red" role="alert">{t('signIn.failed')}</Alert>}
        <TextInput required label={t('signIn.username')} autoComplete="username" value={username} onChange={(event) => setUsername(event.currentTarget.value)} />
        <PasswordInput required label={t('signIn.password')} autoComplete="current-password" value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
        <Button type="submit" loading={pending}>{t('signIn.submit')}</Button>
      </Stack>
    </form>
  );
}
