import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrderListItemResponse, ProgrammeResponse } from '../../api/korgoo-api';
import ky from '../../i18n/locales/ky.json';
import { renderSignedIn, SentRequest } from '../../test/render';
import { MyOrders } from './MyOrders';

const LIST = '/api/v1/protection-orders';

/** Order 2's programme was refused, as police read it: the outcome, the marks and the Article 72 notice. */
const refused = (n: number): ProgrammeResponse => ({
  programmeId: `20000000-0000-4000-8000-00000000000${n}`, referralId: `10000000-0000-4000-8000-00000000000${n}`, referralNumber: `R-2026-00000${n}`,
  orderId: `00000000-0000-4000-8000-00000000000${n}`, centreId: 'naryn-asylzat', track: 'men', language: 'ky', expiresAt: '2026-03-30T08:00:00Z',
  state: 'refused', outcomeAt: '2026-03-10T12:00:00Z', closure: null, completion: null, voluntary: null, monitoring: [],
  notices: [{ noticeId: '30000000-0000-4000-8000-000000000001', ground: 'explicit_refusal', refusalPolicy: 'second-unexcused-or-cannot-finish', sessionsOffered: 2, missed: [], reportedAt: '2026-03-10T12:00:00Z' }],
  sessions: [],
});

const item = (n: number): OrderListItemResponse => ({
  orderId: `00000000-0000-4000-8000-00000000000${n}`, orderNumber: `НР-2026-30${n}`, unitCode: 'naryn-riib',
  issuedAt: '2026-03-01T08:00:00Z', expiresAt: '2026-03-30T08:00:00Z', firstExpiresAt: null, courtDecision: null,
  registeredAt: `2026-03-0${n}T08:05:00Z`, perpetratorName: n === 3 ? null : 'Асанов Бакыт', stage: 'notified',
  referral: { referralId: `10000000-0000-4000-8000-00000000000${n}`, referralNumber: `R-2026-00000${n}`, status: n === 3 ? 'proposed' : 'accepted', centreName: 'Асылзат',
    outreachSettlementCode: n === 3 ? 'kazarman' : null },
  programme: n === 2 ? refused(n) : null,
});

/** The unit's orders in two pages of the API (newest first), each with where it stands. */
function unit(request: SentRequest) {
  if (request.path === `${LIST}?limit=10`) return { body: { items: [item(3), item(2)], nextCursor: 'after-2' } };
  if (request.path === `${LIST}?cursor=after-2&limit=10`) return { body: { items: [item(1)], nextCursor: null } };
  return { status: 404, body: { statusCode: 404, message: 'no' } };
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('my orders for police', () => {
  it('lists the unit’s orders with where each stands, filed from any phone, one request a page, and loads older ones on request', async () => {
    const { sent } = await renderSignedIn(<MyOrders />, { role: 'police', answer: unit });
    await waitFor(() => expect(screen.getAllByTestId('order-card').map((card) => within(card).getAllByText(/^НР-/)[0].textContent)).toEqual(['НР-2026-303', 'НР-2026-302']));
    const newest = screen.getAllByTestId('order-card')[0];
    expect((await within(newest).findByLabelText(ky.myOrders.stage)).textContent).toBe(ky.stage.notified);
    expect(within(newest).getByText(ky.myOrders.erased)).toBeTruthy();
    expect(within(newest).getByText(ky.myOrders.referral.replace('{{status}}', ky.referralStatus.proposed).replace('{{centre}}', 'Асылзат'))).toBeTruthy();
    // Its sessions are held at the centre's outreach point, named from the gazetteer.
    expect(within(newest).getByText(ky.referral.outreach.replace('{{place}}', 'Казарман'))).toBeTruthy();
    const inProgramme = screen.getAllByTestId('order-card')[1];
    expect(within(inProgramme).queryByText(new RegExp(ky.referral.outreach.split('«')[0]))).toBeNull();
    expect(within(inProgramme).getByText('Асанов Бакыт')).toBeTruthy();
    expect(within(within(inProgramme).getByTestId('programme')).getByText(ky.programmeState.refused)).toBeTruthy();
    expect(within(inProgramme).getByText(new RegExp(ky.refusalGround.explicit_refusal))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: ky.myOrders.more }));
    await waitFor(() => expect(screen.getAllByTestId('order-card')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: ky.myOrders.more })).toBeNull();
    // One request per page, none per order.
    expect(sent.map((request) => request.path)).toEqual([`${LIST}?limit=10`, `${LIST}?cursor=after-2&limit=10`]);
  });

  it('says when the unit has no orders, and when they could not be loaded', async () => {
    await renderSignedIn(<MyOrders />, { role: 'police', answer: () => ({ body: { items: [], nextCursor: null } }) });
    expect(await screen.findByText(ky.myOrders.none)).toBeTruthy();
    cleanup();
    await renderSignedIn(<MyOrders />, { role: 'police', answer: () => ({ status: 503, body: { statusCode: 503, message: 'no answer' } }) });
    expect((await screen.findByRole('alert')).textContent).toBe(ky.myOrders.failed);
  });
});
