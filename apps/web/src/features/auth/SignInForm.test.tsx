import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ky from '../../i18n/locales/ky.json';
import { renderSignedIn, SentRequest } from '../../test/render';
import { SignInForm } from './SignInForm';

const SESSION = { accessToken: 'access-2', refreshToken: 'refresh-2', expiresInSeconds: 900, refreshExpiresInSeconds: 43200, role: 'coordinator', centreId: null, unitId: null };

/** An account with a second factor: the API names totpCode until the right one comes. */
function withSecondFactor(request: SentRequest) {
  const { totpCode } = request.body as { totpCode?: string };
  if (totpCode === '123456') return { body: SESSION };
  const message = totpCode ? 'totpCode is wrong or was used already; wait for the next code' : 'totpCode is required: this account signs in with a code from its authenticator app';
  return { status: 401, body: { statusCode: 401, message } };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('signing in with a second factor', () => {
  it('asks for the authenticator code without calling it a failure, refuses a wrong one, then signs in', async () => {
    const { sent } = await renderSignedIn(<SignInForm username="coordinator.test" />, { role: 'coordinator', answer: withSecondFactor });
    fireEvent.change(screen.getByLabelText(ky.signIn.password, { exact: false }), { target: { value: 'a-long-enough-password' } });
    fireEvent.click(screen.getByRole('button', { name: ky.signIn.submit }));
    const code = await screen.findByLabelText(ky.signIn.code, { exact: false });
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.change(code, { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: ky.signIn.submit }));
    await screen.findByText(ky.signIn.codeFailed);

    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: ky.signIn.submit }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    const logins = sent.filter((request) => request.path === '/api/v1/auth/login').map((request) => request.body);
    expect(logins).toEqual([
      { username: 'coordinator.test', password: 'a-long-enough-password' },
      { username: 'coordinator.test', password: 'a-long-enough-password', totpCode: '654321' },
      { username: 'coordinator.test', password: 'a-long-enough-password', totpCode: '123456' },
    ]);
  });
});

describe('signing in during a flood of sign-ins', () => {
  it('says how long to wait instead of calling the password wrong', async () => {
    const busy = () => ({ status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'too many sign-ins at once; try again in 7 seconds', retryAfterSeconds: 7 } });
    await renderSignedIn(<SignInForm username="police.test" />, { role: 'police', answer: busy });
    fireEvent.change(screen.getByLabelText(ky.signIn.password, { exact: false }), { target: { value: 'a-long-enough-password' } });
    fireEvent.click(screen.getByRole('button', { name: ky.signIn.submit }));
    await screen.findByText(ky.signIn.wait.replace('{{seconds}}', '7'));
    expect(screen.queryByText(ky.signIn.failed)).toBeNull();
  });
});

describe('signing in while the gateway is in trouble', () => {
  it('does not call the password wrong when the server failed', async () => {
    const failing = () => ({ status: 500, body: { statusCode: 500, message: 'Internal server error' } });
    await renderSignedIn(<SignInForm username="police.test" />, { role: 'police', answer: failing });
    fireEvent.change(screen.getByLabelText(ky.signIn.password, { exact: false }), { target: { value: 'a-long-enough-password' } });
    fireEvent.click(screen.getByRole('button', { name: ky.signIn.submit }));
    await screen.findByText(ky.signIn.unavailable);
    expect(screen.queryByText(ky.signIn.failed)).toBeNull();
  });
});
