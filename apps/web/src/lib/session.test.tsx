import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app/App';
import ky from '../i18n/locales/ky.json';
import { renderSignedIn, SentRequest } from '../test/render';

const FORM = { version: 'test', sections: [], questions: [] };
const tokens = (n: number) => ({
  accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresInSeconds: 900, refreshExpiresInSeconds: 43200, role: 'police', centreId: null,
});

/** An API whose first access token has lapsed; `refreshWorks` says whether the refresh token still does. */
function lapsedSession(refreshWorks: boolean) {
  return (request: SentRequest) => {
    if (request.path === '/api/v1/odara/form') return { body: FORM };
    if (request.path === '/api/v1/auth/refresh') return refreshWorks ? { body: tokens(2) } : { status: 401, body: { statusCode: 401, message: 'refresh token expired' } };
    if (request.path === '/api/v1/auth/login') return { body: tokens(3) };
    if (request.path === '/api/v1/protection-orders') {
      return request.token === 'token'
        ? { status: 401, body: { statusCode: 401, message: 'token expired' } }
        : { status: 201, body: { orderId: 'o-1', orderNumber: 'TPO-2026-17' } };
    }
    return { status: 404, body: { statusCode: 404, message: 'not here' } };
  };
}

async function fillAndSend() {
  fireEvent.change(await screen.findByLabelText(ky.order.orderNumber, { exact: false }), { target: { value: 'TPO-2026-17' } });
  fireEvent.click(screen.getByRole('button', { name: ky.order.submit }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('a session that lapses', () => {
  it('renews the access token with the refresh token and sends the request again, unnoticed', async () => {
    const { sent } = await renderSignedIn(<App />, { role: 'police', answer: lapsedSession(true) });
    await fillAndSend();
    await screen.findByText(ky.order.registered);
    const orders = sent.filter((request) => request.path === '/api/v1/protection-orders');
    expect(orders.map((request) => request.token)).toEqual(['token', 'access-2']);
    expect(sent.find((request) => request.path === '/api/v1/auth/refresh')?.body).toEqual({ refreshToken: 'refresh' });
    expect(screen.queryByText(ky.signIn.expired)).toBeNull();
  });

  it('asks to sign in again over the half-filled form, then sends what was entered', async () => {
    const { sent } = await renderSignedIn(<App />, { role: 'police', answer: lapsedSession(false) });
    await fillAndSend();
    await screen.findByText(ky.signIn.expired);
    expect((screen.getByLabelText(ky.order.orderNumber, { exact: false }) as HTMLInputElement).value).toBe('TPO-2026-17');

    fireEvent.change(screen.getByLabelText(ky.signIn.password, { exact: false }), { target: { value: 'korgoo-demo-police' } });
    fireEvent.click(screen.getByRole('button', { name: ky.signIn.submit }));
    await screen.findByText(ky.order.registered);
    expect(sent.find((request) => request.path === '/api/v1/auth/login')?.body).toEqual({ username: 'police.test', password: 'korgoo-demo-police' });
    const orders = sent.filter((request) => request.path === '/api/v1/protection-orders');
    expect(orders.map((request) => [request.token, (request.body as { orderNumber: string }).orderNumber])).toEqual([
      ['token', 'TPO-2026-17'],
      ['access-3', 'TPO-2026-17'],
    ]);
    await waitFor(() => expect(screen.queryByText(ky.signIn.expired)).toBeNull());
  });
});
