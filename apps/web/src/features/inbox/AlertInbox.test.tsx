import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxEntryResponse, ReferralResponse } from '../../api/korgoo-api';
import ky from '../../i18n/locales/ky.json';
import { formatDate } from '../../lib/dates';
import ru from '../../i18n/locales/ru.json';
import { renderSignedIn, SentRequest } from '../../test/render';
import { AlertInbox } from './AlertInbox';
import { CentreInbox } from './CentreInbox';
import type { InboxPage } from './api';

const OFFICER = '7b0c1f4e-2d1a-4c39-9a57-0e6f3b8d2c11';

const notice = (
  entryId: string,
  orderNumber: string,
  createdAt: string,
  acknowledgedAt: string | null = null,
  kind: InboxEntryResponse['kind'] = 'article72_notice',
): InboxEntryResponse => ({
  entryId,
  referralId: `referral-${entryId}`,
  referralNumber: null,
  orderNumber,
  kind,
  title: { ky: `${orderNumber} боюнча билдирүү`, ru: `Уведомление по ${orderNumber}`, en: `Notice on ${orderNumber}` },
  priority: 'high',
  readAt: acknowledgedAt,
  acknowledgedAt,
  acknowledgedBy: acknowledgedAt && OFFICER,
  createdAt,
});

/** A police unit's inbox as the API keeps it: acknowledging records the first officer and time only. */
function unitInbox(entries: InboxEntryResponse[]) {
  return (request: SentRequest) => {
    const acknowledging = /^\/api\/v1\/inbox\/([^/]+)\/acknowledge$/.exec(request.path);
    if (request.method === 'POST' && acknowledging) {
      const entry = entries.find((candidate) => candidate.entryId === acknowledging[1]);
      if (!entry) return { status: 404, body: { status: 404, title: 'Not Found' } };
      const recorded = entry.acknowledgedAt === null;
      if (recorded) Object.assign(entry, { acknowledgedAt: '2026-03-02T09:30:00Z', acknowledgedBy: OFFICER, readAt: '2026-03-02T09:30:00Z' });
      return { body: { entryId: entry.entryId, acknowledgedAt: entry.acknowledgedAt, acknowledgedBy: entry.acknowledgedBy, recorded } };
    }
    const body: InboxPage = {
      items: entries.map((entry) => ({ ...entry })),
      nextCursor: null,
      unread: entries.filter((entry) => !entry.readAt).length,
    };
    return { body };
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the police notices', () => {
  it('puts the notices nobody acknowledged first, and records who acknowledged one and when', async () => {
    const entries = [
      notice('done', 'НР-2026-001', '2026-03-01T12:00:00Z', '2026-03-01T13:00:00Z'),
      notice('older', 'НР-2026-002', '2026-03-01T08:00:00Z'),
      notice('newer', 'НР-2026-003', '2026-03-01T10:00:00Z'),
    ];
    const { sent } = await renderSignedIn(<AlertInbox />, { role: 'police', answer: unitInbox(entries) });

    await screen.findByText('НР-2026-003 боюнча билдирүү');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(ky.notices.title.replace('{{unread}}', '2'));
    const cards = () => screen.getAllByTestId('notice');
    expect(cards().map((card) => within(card).getByText(/^Ордер/).textContent)).toEqual(['Ордер НР-2026-003', 'Ордер НР-2026-002', 'Ордер НР-2026-001']);
    const done = within(cards()[2]).getByRole('button', { name: ky.notices.acknowledged }) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    expect(within(cards()[2]).getByText(new RegExp(OFFICER))).toBeTruthy();

    fireEvent.click(within(cards()[0]).getByRole('button', { name: ky.notices.acknowledge }));

    await waitFor(() => expect(screen.getAllByRole('button', { name: ky.notices.acknowledged })).toHaveLength(2));
    for (const button of screen.getAllByRole('button', { name: ky.notices.acknowledged })) expect((button as HTMLButtonElement).disabled).toBe(true);
    const at = formatDate('2026-03-02T09:30:00Z', 'ky', { withTime: true });
    expect(at).toMatch(/^2026-ж\., 2-март \d\d:30$/);
    expect(screen.getByText(ky.notices.acknowledgedBy.replace('{{at}}', at).replace('{{who}}', OFFICER))).toBeTruthy();
    expect(sent.filter((request) => request.method === 'POST').map((request) => [request.path, request.token])).toEqual([
      ['/api/v1/inbox/newer/acknowledge', 'token'],
    ]);
    await waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(ky.notices.title.replace('{{unread}}', '1')));
    expect(within(cards()[0]).getByText('Ордер НР-2026-002')).toBeTruthy();
  });

  it('shows the notice title in the chosen language and says when there is nothing', async () => {
    await renderSignedIn(<AlertInbox />, { role: 'police', language: 'ru', answer: unitInbox([notice('one', 'НР-2026-010', '2026-03-01T08:00:00Z')]) });
    expect(await screen.findByText('Уведомление по НР-2026-010')).toBeTruthy();
    cleanup();
    await renderSignedIn(<AlertInbox />, { role: 'police', language: 'ru', answer: unitInbox([]) });
    expect(await screen.findByText(ru.notices.none)).toBeTruthy();
  });

  it('tells the officer when an acknowledgement did not go through, and leaves the button to try again', async () => {
    const entries = [notice('gone', 'НР-2026-020', '2026-03-01T08:00:00Z')];
    const inbox = unitInbox(entries);
    await renderSignedIn(<AlertInbox />, {
      role: 'police',
      answer: (request) => (request.method === 'POST' ? { status: 503, body: { status: 503, title: 'Service Unavailable' } } : inbox(request)),
    });
    fireEvent.click(await screen.findByRole('button', { name: ky.notices.acknowledge }));
    expect((await screen.findByRole('alert')).textContent).toBe(ky.form.failed);
    expect((screen.getByRole('button', { name: ky.notices.acknowledge }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('lets a coordinator acknowledge an immediate-danger alert, which comes first, and no other entry', async () => {
    const entries = [
      notice('reminder', 'НР-2026-030', '2026-03-01T12:00:00Z', null, 'referral_decision_reminder'),
      notice('danger', 'НР-2026-031', '2026-03-01T08:00:00Z', null, 'immediate_danger'),
    ];
    const { sent } = await renderSignedIn(<AlertInbox />, { role: 'coordinator', answer: unitInbox(entries) });
    await screen.findByText('НР-2026-031 боюнча билдирүү');
    const cards = screen.getAllByTestId('notice');
    expect(within(cards[0]).getByText('Ордер НР-2026-031')).toBeTruthy();
    expect(within(cards[1]).queryByRole('button')).toBeNull();
    fireEvent.click(within(cards[0]).getByRole('button', { name: ky.notices.acknowledge }));
    await screen.findByRole('button', { name: ky.notices.acknowledged });
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual(['/api/v1/inbox/danger/acknowledge']);
  });

  /** The coordinators' inbox with a notice no unit could take, the unit directory, and the order behind the referral. */
  function unitlessNotice(unitAnswer: (request: SentRequest) => { status?: number; body?: unknown }) {
    const inbox = unitInbox([notice('nounit', 'НР-2026-040', '2026-03-01T08:00:00Z', null, 'police_unit_unreachable')]);
    return (request: SentRequest) => {
      if (request.path.startsWith('/api/v1/police-units')) {
        return { body: { items: [{ code: 'naryn-riib', nameKy: 'Нарын РИИБ', nameRu: 'Нарынское РУВД', oblast: 'naryn' }], nextCursor: null } };
      }
      if (request.path === '/api/v1/referrals/referral-nounit') return { body: { referralId: 'referral-nounit', orderId: 'order-40' } };
      if (request.method === 'PUT') return unitAnswer(request);
      return inbox(request);
    };
  }

  it('lets a coordinator give an order with no police unit its unit from the notice, so the notice goes there', async () => {
    const { sent } = await renderSignedIn(<AlertInbox />, {
      role: 'coordinator',
      answer: unitlessNotice(() => ({ body: { orderId: 'order-40', unitCode: 'naryn-riib' } })),
    });
    fireEvent.click((await screen.findAllByLabelText(ky.notices.orderUnit))[0]);
    fireEvent.click(await screen.findByText('Нарын РИИБ'));
    fireEvent.click(screen.getByRole('button', { name: ky.notices.assignUnit }));
    expect((await screen.findByRole('status')).textContent).toBe(ky.notices.unitAssigned);
    expect(sent.filter((request) => request.method === 'PUT').map((request) => [request.path, request.body])).toEqual([
      ['/api/v1/protection-orders/order-40/unit', { unitCode: 'naryn-riib' }],
    ]);
  });

  it('says so when the order already has a unit', async () => {
    await renderSignedIn(<AlertInbox />, {
      role: 'coordinator',
      language: 'ru',
      answer: unitlessNotice(() => ({ status: 409, body: { status: 409, title: 'Conflict' } })),
    });
    fireEvent.click((await screen.findAllByLabelText(ru.notices.orderUnit))[0]);
    fireEvent.click(await screen.findByText('Нарынское РУВД'));
    fireEvent.click(screen.getByRole('button', { name: ru.notices.assignUnit }));
    expect((await screen.findByRole('alert')).textContent).toBe(ru.notices.unitAlreadySet);
  });
});

describe('a centre’s answer to a proposed referral', () => {
  const PROPOSED: ReferralResponse = {
    referralId: 'referral-17', referralNumber: 'R-2026-000017', orderId: 'order-17', status: 'proposed',
    centreId: 'naryn-asylzat', centreName: 'Асылзат', priority: 'high', language: 'ky', acknowledgeBy: null,
    firstSessionAt: null, travelMinutes: null, travelSource: null, outreachSettlementCode: null, reasons: [], createdAt: '2026-03-01T08:00:00Z',
  };

  /** The centre's inbox (empty) and its one proposal; `decline` answers the decline. */
  const proposal = (decline: { status: number; body?: unknown }) => (request: SentRequest) => {
    if (request.method === 'POST') return decline;
    if (request.path.startsWith('/api/v1/inbox')) return { body: { items: [], nextCursor: null, unread: 0 } satisfies InboxPage };
    return { body: { items: [PROPOSED], nextCursor: null } };
  };

  async function decline(language: string, answer: { status: number; body?: unknown }) {
    const view = await renderSignedIn(<CentreInbox />, { role: 'centre', language, answer: proposal(answer) });
    const texts = language === 'ru' ? ru : ky;
    fireEvent.click(await screen.findByRole('button', { name: texts.inbox.decline }));
    return { ...view, alert: await screen.findByRole('alert') };
  }

  it('says in the reader’s language why matching refused the decline, by its rule', async () => {
    const message = 'referral R-2026-000017 is accepted, not proposed';
    const { alert } = await decline('ru', {
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message, refusals: [{ rule: 'referral_no_longer_proposed', params: { referralNumber: 'R-2026-000017' }, message }] },
    });
    expect(alert.textContent).toBe(ru.refusal.referral_no_longer_proposed.replace('{{referralNumber}}', 'R-2026-000017'));
    expect(screen.queryByText(message)).toBeNull();
  });

  it('shows the gateway’s problem with the reason at the reason, and the generic words only when the answer names nothing', async () => {
    const reasons = ['at_capacity', 'out_of_area', 'language', 'no_facilitator_pair', 'conflict_of_interest', 'other'];
    const { alert } = await decline('ky', {
      status: 400,
      body: {
        statusCode: 400, error: 'Bad Request', message: ['reason: reason must be one of the following values'],
        problems: [{ field: 'reason', rules: ['reason must be one of the following values'], codes: ['isIn'], params: { isIn: { values: reasons } } }],
      },
    });
    expect(alert.textContent).toBe(ky.form.fixFields);
    const reason = screen.getByLabelText(ky.inbox.declineReason);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(ky.validation.isIn)).toBeTruthy();
    cleanup();

    expect((await decline('ky', { status: 502, body: { statusCode: 502, error: 'Bad Gateway', message: 'the service could not answer' } })).alert.textContent)
      .toBe(ky.form.failed);
  });
});
