import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ky from '../i18n/locales/ky.json';
import { renderSignedIn, SentRequest } from '../test/render';
import { App } from './App';

const EMPTY_FORM = { version: 'test', sections: [], questions: [] };

/** The gateway cannot be reached for orders (they stay waiting on the phone); everything else answers. */
function answer(request: SentRequest) {
  if (request.method === 'POST' && request.path === '/api/v1/protection-orders') return { offline: true };
  if (request.path === '/api/v1/odara/form') return { body: EMPTY_FORM };
  if (request.method === 'GET') return { body: { items: [], nextCursor: null, unread: 0 } };
  return { status: 204 };
}

function waitingOnPhone(orderNumber: string) {
  const request = { orderNumber, issuingUnit: 'Нарын РИИБ', issuedAt: '2026-03-01T08:00:00Z', expiresAt: '2026-03-30T08:00:00Z' };
  localStorage.setItem('korgoo.outbox.police.test', JSON.stringify([{ request, savedAt: Date.parse('2026-03-01T08:10:00Z'), hold: null }]));
}

const signOutButton = () => screen.getByRole('button', { name: ky.signIn.signOut });
const loggedOut = (sent: SentRequest[]) => sent.some((request) => request.path === '/api/v1/auth/logout');

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

describe('signing out', () => {
  it('warns a police officer whose orders still wait on this phone, and stays signed in on request', async () => {
    waitingOnPhone('НР-2026-401');
    const { sent } = await renderSignedIn(<App />, { role: 'police', answer });
    fireEvent.click(signOutButton());
    const dialog = await screen.findByRole('dialog', { name: ky.signOutWarning.title.replace('{{count}}', '1') });
    expect(dialog.textContent).toContain(ky.signOutWarning.body);
    fireEvent.click(screen.getByRole('button', { name: ky.signOutWarning.stay }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(loggedOut(sent)).toBe(false);
    expect(signOutButton()).toBeTruthy();

    fireEvent.click(signOutButton());
    fireEvent.click(await screen.findByRole('button', { name: ky.signOutWarning.signOut }));
    expect(await screen.findByLabelText(ky.signIn.username, { exact: false })).toBeTruthy();
    expect(loggedOut(sent)).toBe(true);
    expect(localStorage.getItem('korgoo.outbox.police.test')).toContain('НР-2026-401');
  });

  it('signs out at once when nothing waits to be sent', async () => {
    const { sent } = await renderSignedIn(<App />, { role: 'police', answer });
    fireEvent.click(signOutButton());
    expect(await screen.findByLabelText(ky.signIn.username, { exact: false })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(loggedOut(sent)).toBe(true);
  });
});
