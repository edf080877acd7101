import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../lib/api-client';
import { useSession } from '../../lib/session';

/** The API's 401 for an account with a second factor names the missing or wrong `totpCode`. */
function asksForCode(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 401 && String(error.body?.message ?? '').startsWith('totpCode');
}

/** Only a 400 or 401 is about the name, password or code; no network or a server in trouble says nothing of them. */
function refusedCredentials(error: unknown): boolean {
  return error instanceof ApiProblem && (error.status === 400 || error.status === 401);
}

/** Too many sign-ins (this address's, this account's or everyone's): how long to wait, when the API said. */
function secondsToWait(error: unknown): number | null {
  if (!(error instanceof ApiProblem) || (error.status !== 429 && error.status !== 503)) return null;
  return error.body?.retryAfterSeconds ?? null;
}

/** Used both on the first screen and in the dialog that asks again when a session has expired. */
export function SignInForm({ username: known }: { username?: string }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState(known ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeAsked, setCodeAsked] = useState(false);
  const [failed, setFailed] = useState<'signIn.failed' | 'signIn.codeFailed' | 'signIn.unavailable' | null>(null);
  const [wait, setWait] = useState<number | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFailed(null);
    setWait(null);
    try {
      await signIn(username.trim(), password, codeAsked ? code.trim() : undefined);
    } catch (error) {
      const seconds = secondsToWait(error);
      // The first time the account asks for a code is not a failure: the field appears.
      if (asksForCode(error) && !codeAsked) setCodeAsked(true);
      else if (seconds !== null) setWait(seconds);
      else setFailed(asksForCode(error) ? 'signIn.codeFailed' : refusedCredentials(error) ? 'signIn.failed' : 'signIn.unavailable');
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        {failed && <Alert color="red" role="alert">{t(failed)}</Alert>}
        {wait !== null && <Alert color="yellow" role="alert">{t('signIn.wait', { seconds: wait })}</Alert>}
        <TextInput required label={t('signIn.username')} autoComplete="username" value={username} onChange={(event) => setUsername(event.currentTarget.value)} />
        <PasswordInput required label={t('signIn.password')} autoComplete="current-password" value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
        {codeAsked && (
          <TextInput
            required
            label={t('signIn.code')}
            description={t('signIn.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
        )}
        <Button type="submit" loading={pending}>{t('signIn.submit')}</Button>
      </Stack>
    </form>
  );
}
