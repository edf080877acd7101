import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrderListItemResponse } from '../../api/korgoo-api';
import en from '../../i18n/locales/en.json';
import ky from '../../i18n/locales/ky.json';
import ru from '../../i18n/locales/ru.json';
import { formatDate, localInputValue } from '../../lib/dates';
import { renderSignedIn, SentRequest } from '../../test/render';
import { MyOrders } from './MyOrders';

const ORDER = '0b7e3c52-6a1f-4d0e-9c3b-5f2a8e1d4c70';
const LIST = '/api/v1/protection-orders';
const PATH = `${LIST}/${ORDER}`;

function registered(): OrderListItemResponse {
  return {
    orderId: ORDER, orderNumber: 'НР-2026-201', unitCode: 'naryn-riib', issuedAt: '2026-03-01T08:00:00Z', expiresAt: '2026-03-30T08:00:00Z',
    firstExpiresAt: null, courtDecision: null, registeredAt: '2026-03-01T08:05:00Z', perpetratorName: 'Асанов Бакыт', stage: 'assessed', referral: null, programme: null,
  };
}

type Refusal = { status: number; body: unknown };

/** The order as the gateway keeps it: an extension moves the expiry and keeps the first one; a decision is recorded once. */
function gateway(order: OrderListItemResponse, refuse: (request: SentRequest) => Refusal | null = () => null) {
  return (request: SentRequest) => {
    if (request.method === 'GET') return { body: { items: [{ ...order }], nextCursor: null } };
    const refusal = refuse(request);
    if (refusal) return refusal;
    if (request.path === `${PATH}/extension`) {
      const { expiresAt } = request.body as { expiresAt: string };
      Object.assign(order, { expiresAt, firstExpiresAt: order.firstExpiresAt ?? order.expiresAt });
      return { body: { orderId: ORDER, expiresAt, firstExpiresAt: order.firstExpiresAt } };
    }
    order.courtDecision = request.body as OrderListItemResponse['courtDecision'];
    return { body: { orderId: ORDER, courtDecision: order.courtDecision } };
  };
}

/** The order's card, with its buttons. */
async function card() {
  const found = await screen.findByTestId('order-card');
  await within(found).findAllByRole('button');
  return found;
}
const posted = (sent: SentRequest[]) => sent.filter((request) => request.method === 'POST');

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('extending an order and recording the court decision', () => {
  it('extends the order to a later end, and shows the new end beside the first one', async () => {
    const order = registered();
    const { sent } = await renderSignedIn(<MyOrders />, { role: 'police', answer: gateway(order) });
    const ours = await card();
    expect(within(ours).getByText(ky.orderChanges.validUntil.replace('{{at}}', formatDate('2026-03-30T08:00:00Z', 'ky', { withTime: true })))).toBeTruthy();

    fireEvent.click(within(ours).getByRole('button', { name: ky.orderChanges.extend }));
    const expiry = within(ours).getByLabelText(ky.orderChanges.newExpiry, { exact: false });
    fireEvent.change(expiry, { target: { value: '2026-04-29T08:00' } });
    fireEvent.click(within(ours).getByRole('button', { name: ky.orderChanges.extendSubmit }));

    expect((await within(ours).findByRole('status')).textContent).toBe(ky.orderChanges.extended);
    expect(posted(sent)).toMatchObject([{ path: `${PATH}/extension`, body: { expiresAt: new Date('2026-04-29T08:00').toISOString() } }]);
    const first = formatDate('2026-03-30T08:00:00Z', 'ky', { withTime: true });
    await within(ours).findByText(new RegExp(ky.orderChanges.extendedFrom.replace('{{at}}', first).replace(/[()]/g, '\\$&')));
    expect(within(ours).queryByLabelText(ky.orderChanges.newExpiry, { exact: false })).toBeNull();
  });

  it('shows the API’s refusal of an earlier end at the field', async () => {
    const rule = 'expiresAt must be later than the current expiry 2026-03-30T08:00:00.000Z';
    await renderSignedIn(<MyOrders />, {
      role: 'police',
      language: 'en',
      answer: gateway(registered(), () => ({ status: 400, body: { statusCode: 400, message: [rule], problems: [{ field: 'expiresAt', rules: [rule] }] } })),
    });
    const ours = await card();
    fireEvent.click(within(ours).getByRole('button', { name: en.orderChanges.extend }));
    fireEvent.change(within(ours).getByLabelText(en.orderChanges.newExpiry, { exact: false }), { target: { value: '2026-03-10T08:00' } });
    fireEvent.click(within(ours).getByRole('button', { name: en.orderChanges.extendSubmit }));
    const expiry = within(ours).getByLabelText(en.orderChanges.newExpiry, { exact: false });
    await waitFor(() => expect(expiry.getAttribute('aria-invalid')).toBe('true'));
    expect(within(ours).getByText(rule)).toBeTruthy();
  });

  it('records the court decision by day and case number, then shows it instead of the form', async () => {
    const { sent } = await renderSignedIn(<MyOrders />, { role: 'police', language: 'ru', answer: gateway(registered()) });
    const ours = await card();
    fireEvent.click(within(ours).getByRole('button', { name: ru.orderChanges.recordDecision }));
    const day = within(ours).getByLabelText(ru.orderChanges.decidedOn, { exact: false }) as HTMLInputElement;
    expect([day.min, day.max]).toEqual([
      localInputValue('2026-03-01T08:00:00Z').slice(0, 10),
      localInputValue(Date.parse('2026-03-01T08:00:00Z') + 70 * 24 * 3_600_000).slice(0, 10),
    ]);
    fireEvent.change(day, { target: { value: '2026-04-10' } });
    fireEvent.change(within(ours).getByLabelText(ru.orderChanges.reference, { exact: false }), { target: { value: ' № 2-345/26 ' } });
    fireEvent.click(within(ours).getByRole('button', { name: ru.orderChanges.recordSubmit }));

    await within(ours).findByText(ru.orderChanges.courtDecision.replace('{{on}}', '10 апреля 2026 г.').replace('{{reference}}', '№ 2-345/26'));
    expect(posted(sent)).toMatchObject([{ path: `${PATH}/court-decision`, body: { decidedOn: '2026-04-10', reference: '№ 2-345/26' } }]);
    expect(within(ours).queryByRole('button', { name: ru.orderChanges.recordDecision })).toBeNull();
    expect(within(ours).getByRole('status').textContent).toBe(ru.orderChanges.decisionRecorded);
  });

  it('says when a different court decision was recorded before', async () => {
    await renderSignedIn(<MyOrders />, {
      role: 'police',
      answer: gateway(registered(), () => ({ status: 409, body: { statusCode: 409, message: 'the court decision of 2026-04-01 is already recorded for this order' } })),
    });
    const ours = await card();
    fireEvent.click(within(ours).getByRole('button', { name: ky.orderChanges.recordDecision }));
    fireEvent.change(within(ours).getByLabelText(ky.orderChanges.decidedOn, { exact: false }), { target: { value: '2026-04-10' } });
    fireEvent.change(within(ours).getByLabelText(ky.orderChanges.reference, { exact: false }), { target: { value: '2-345/26' } });
    fireEvent.click(within(ours).getByRole('button', { name: ky.orderChanges.recordSubmit }));
    expect((await within(ours).findByRole('alert')).textContent).toBe(ky.orderChanges.decisionRecordedBefore);
  });
});

