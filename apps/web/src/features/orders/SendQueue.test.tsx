import { onlineManager } from '@tanstack/react-query';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrderListItemResponse, RegisterProtectionOrderRequest } from '../../api/korgoo-api';
import ky from '../../i18n/locales/ky.json';
import { renderSignedIn, SentRequest } from '../../test/render';
import { MyOrders } from './MyOrders';
import { OrderForm } from './OrderForm';
import { SavedOrderSender } from './SavedOrderSender';

const EMPTY_FORM = { version: 'test', sections: [], questions: [] };

/** A gateway behind a network the test cuts and restores; idempotent on the order number like the real one. */
function gateway() {
  const state = { online: true, refusal: null as null | { status: number; body: unknown }, registered: [] as string[], received: [] as string[] };
  const answer = (request: SentRequest) => {
    if (!state.online) return { offline: true };
    if (request.method === 'GET' && request.path === '/api/v1/odara/form') return { body: EMPTY_FORM };
    if (request.method === 'GET' && request.path.startsWith('/api/v1/protection-orders?')) {
      const items: OrderListItemResponse[] = state.registered.map((orderNumber) => ({
        orderId: `id-${orderNumber}`, orderNumber, unitCode: 'naryn-riib', issuedAt: '2026-03-01T08:00:00Z', expiresAt: '2026-03-30T08:00:00Z',
        firstExpiresAt: null, courtDecision: null, registeredAt: '2026-03-01T08:05:00Z', perpetratorName: 'Асанов Бакыт', stage: 'assessed', referral: null, programme: null,
      }));
      return { body: { items, nextCursor: null } };
    }
    if (state.refusal) return state.refusal;
    const { orderNumber } = request.body as RegisterProtectionOrderRequest;
    state.received.push(orderNumber);
    const created = !state.registered.includes(orderNumber);
    if (created) state.registered.push(orderNumber);
    return { status: created ? 201 : 200, body: { orderId: `id-${orderNumber}`, orderNumber, created } };
  };
  return { state, answer };
}

async function fileOrder(orderNumber: string) {
  fireEvent.change(await screen.findByLabelText(ky.order.orderNumber, { exact: false }), { target: { value: orderNumber } });
  fireEvent.change(screen.getByLabelText(ky.order.fullName, { exact: false }), { target: { value: 'Асанов Бакыт' } });
  fireEvent.click(screen.getByRole('button', { name: ky.order.submit }));
}

const posts = (sent: SentRequest[]) => sent.filter((request) => request.method === 'POST');
const pendingCards = () => screen.queryAllByTestId('pending-order');

afterEach(() => {
  onlineManager.setOnline(true);
  vi.restoreAllMocks();
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('the send queue of the police order form', () => {
  it('saves an order filed without network on the phone, says so, and sends it once when the network returns', async () => {
    const { state, answer } = gateway();
    const { sent } = await renderSignedIn(<><OrderForm /><SavedOrderSender /></>, { role: 'police', answer });
    await screen.findByRole('combobox', { name: ky.order.settlement });
    state.online = false;
    await fileOrder('НР-2026-101');

    const saved = await screen.findByRole('status');
    expect(within(saved).getByText(ky.sendQueue.savedOnPhone)).toBeTruthy();
    expect(saved.textContent).toContain(ky.sendQueue.savedNotice.replace('{{number}}', 'НР-2026-101'));
    expect(pendingCards().map((card) => within(card).getByText('НР-2026-101') && within(card).getByText(ky.sendQueue.savedOnPhone))).toHaveLength(1);
    expect(screen.getByText(ky.sendQueue.privacy)).toBeTruthy();
    expect((screen.getByLabelText(ky.order.orderNumber, { exact: false }) as HTMLInputElement).value).toBe('');
    expect(localStorage.getItem('korgoo.outbox.police.test')).toContain('Асанов Бакыт');

    state.online = true;
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(pendingCards()).toHaveLength(0));
    expect(state.registered).toEqual(['НР-2026-101']);
    expect(state.received).toEqual(['НР-2026-101']);
    expect(posts(sent).every((request) => (request.body as RegisterProtectionOrderRequest).orderNumber === 'НР-2026-101')).toBe(true);
    expect(localStorage.getItem('korgoo.outbox.police.test')).toBeNull();
    expect(JSON.parse(localStorage.getItem('korgoo.orders.police.test') ?? '[]')).toEqual(['id-НР-2026-101']);
  });

  it('saves the order without trying when the browser knows it is offline, and sends it on the browser’s "online"', async () => {
    const { state, answer } = gateway();
    const { sent } = await renderSignedIn(<><OrderForm /><SavedOrderSender /></>, { role: 'police', answer });
    await screen.findByRole('combobox', { name: ky.order.settlement });
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => onlineManager.setOnline(false));
    await fileOrder('НР-2026-106');

    expect((await screen.findByRole('status')).textContent).toContain(ky.sendQueue.savedNotice.replace('{{number}}', 'НР-2026-106'));
    expect(posts(sent)).toEqual([]);
    online.mockReturnValue(true);
    act(() => onlineManager.setOnline(true));
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(pendingCards()).toHaveLength(0));
    expect(state.received).toEqual(['НР-2026-106']);
  });

  it('keeps the order when the gateway is down, and the officer can send it by hand', async () => {
    const { state, answer } = gateway();
    await renderSignedIn(<OrderForm />, { role: 'police', answer });
    state.refusal = { status: 503, body: { statusCode: 503, message: 'Service Unavailable' } };
    await fileOrder('НР-2026-102');
    const card = (await screen.findAllByTestId('pending-order'))[0];

    state.refusal = null;
    fireEvent.click(within(card).getByRole('button', { name: ky.sendQueue.sendNow }));
    await waitFor(() => expect(pendingCards()).toHaveLength(0));
    expect(state.registered).toEqual(['НР-2026-102']);
  });

  it('shows the saved orders among the officer’s orders, and the order itself once it is sent', async () => {
    const { state, answer } = gateway();
    await renderSignedIn(<OrderForm />, { role: 'police', answer });
    state.online = false;
    await fileOrder('НР-1');
    await screen.findAllByTestId('pending-order');
    cleanup();

    await renderSignedIn(<><MyOrders /><SavedOrderSender /></>, { role: 'police', answer });
    expect(within(pendingCards()[0]).getByText('НР-1')).toBeTruthy();
    expect(screen.queryByText(ky.myOrders.none)).toBeNull();
    state.online = true;
    act(() => void window.dispatchEvent(new Event('online')));
    const card = await screen.findByTestId('order-card');
    expect(within(card).getByText('НР-1')).toBeTruthy();
    expect(pendingCards()).toHaveLength(0);
  });

  it('holds an order whose number another unit registered, and deletes it from the phone when the officer asks', async () => {
    const { state, answer } = gateway();
    await renderSignedIn(<OrderForm />, { role: 'police', answer });
    state.online = false;
    await fileOrder('НР-2026-103');
    await screen.findAllByTestId('pending-order');

    state.online = true;
    state.refusal = { status: 409, body: { statusCode: 409, message: 'orderNumber НР-2026-103 is already registered by another police unit', conflict: { field: 'orderNumber' } } };
    fireEvent.click(screen.getByRole('button', { name: ky.sendQueue.sendNow }));
    const card = pendingCards()[0];
    await within(card).findByText(ky.sendQueue.taken);
    expect(within(card).getByText(ky.sendQueue.held)).toBeTruthy();
    expect(within(card).queryByRole('button', { name: ky.sendQueue.sendNow })).toBeNull();

    fireEvent.click(within(card).getByRole('button', { name: ky.sendQueue.remove }));
    await waitFor(() => expect(pendingCards()).toHaveLength(0));
    expect(localStorage.getItem('korgoo.outbox.police.test')).toBeNull();
  });

  it('leaves nothing on the phone when the API answers a direct send with a refusal: the form still holds the order', async () => {
    const { state, answer } = gateway();
    await renderSignedIn(<OrderForm />, { role: 'police', answer });
    state.refusal = { status: 409, body: { statusCode: 409, message: 'taken', conflict: { field: 'orderNumber' } } };
    await fileOrder('НР-2026-104');
    expect((await screen.findByText(ky.order.taken)).closest('[role="alert"]')).toBeTruthy();
    expect(pendingCards()).toHaveLength(0);
    expect(localStorage.getItem('korgoo.outbox.police.test')).toBeNull();
    expect((screen.getByLabelText(ky.order.orderNumber, { exact: false }) as HTMLInputElement).value).toBe('НР-2026-104');
  });

  it('opens an order the API refused in the form, with the reasons at its fields, and sends the correction', async () => {
    const { state, answer } = gateway();
    const rule = 'perpetrator.fullName must be 2-200 characters';
    const refusingNoName = (request: SentRequest) =>
      request.method === 'POST' && !(request.body as RegisterProtectionOrderRequest).perpetrator.fullName && state.online
        ? { status: 400, body: { statusCode: 400, message: [rule], problems: [{ field: 'perpetrator.fullName', rules: [rule] }] } }
        : answer(request);
    await renderSignedIn(<><OrderForm /><SavedOrderSender /></>, { role: 'police', answer: refusingNoName });
    await screen.findByRole('combobox', { name: ky.order.settlement });
    state.online = false;
    fireEvent.change(screen.getByLabelText(ky.order.orderNumber, { exact: false }), { target: { value: 'НР-2026-105' } });
    fireEvent.click(screen.getByRole('button', { name: ky.order.submit }));
    await screen.findAllByTestId('pending-order');

    state.online = true;
    act(() => void window.dispatchEvent(new Event('online')));
    const card = pendingCards()[0];
    await within(card).findByText(ky.sendQueue.refused);
    fireEvent.click(within(card).getByRole('button', { name: ky.sendQueue.correct }));

    expect((screen.getByLabelText(ky.order.orderNumber, { exact: false }) as HTMLInputElement).value).toBe('НР-2026-105');
    const name = screen.getByLabelText(ky.order.fullName, { exact: false });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(name, { target: { value: 'Асанов Бакыт' } });
    fireEvent.click(screen.getByRole('button', { name: ky.order.submit }));

    await screen.findByText(ky.order.registeredNumber.replace('{{number}}', 'НР-2026-105'));
    expect(pendingCards()).toHaveLength(0);
    expect(state.registered).toEqual(['НР-2026-105']);
  });
});
