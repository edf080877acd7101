import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ky from '../../i18n/locales/ky.json';
import ru from '../../i18n/locales/ru.json';
import { formatDate } from '../../lib/dates';
import { renderSignedIn, SentRequest } from '../../test/render';
import type { CentreDetailView, CentreSummaryView } from './api';
import { DirectoryScreen } from './DirectoryScreen';

const summary = (id: string, name: string, status: CentreSummaryView['status'], counts: [number, number, number]): CentreSummaryView => ({
  id, name, settlementCode: id.split('-')[0], status,
  activeFacilitators: counts[0], groupSlotCount: counts[1], outreachPointCount: counts[2],
});

const SLOT = {
  id: 'naryn-asylzat-slot-1', weekday: 4, start: '14:00', minutes: 240, sex: 'male' as const, language: 'ky' as const,
  leadFacilitatorId: 'naryn-asylzat-1', coFacilitatorId: 'naryn-asylzat-2', minParticipants: 3, maxParticipants: 10,
};
const POINT = { id: 'naryn-asylzat-point-1', settlementCode: 'kazarman', facilitatorIds: ['naryn-asylzat-1', 'naryn-asylzat-2'], windows: [{ weekday: 2, start: '10:00', end: '16:00' }] };

// The New Year holidays, 30 December to 2 January in Bishkek, as matching stores them (UTC, end exclusive).
const LEAVE = { id: '0b6f3c1e-8a2d-4f5e-9c7b-1d2e3f4a5b6c', from: '2026-12-29T18:00:00.000Z', to: '2027-01-02T18:00:00.000Z', reason: 'holiday' as const };

const NARYN: CentreDetailView = {
  ...summary('naryn-asylzat', 'Асылзат', 'open', [2, 1, 1]),
  facilitators: [
    { id: 'naryn-asylzat-1', displayName: 'Фасилитатор К.М.', sex: 'male', languages: ['ky', 'ru'], certifiedOn: '2023-10-13', active: true,
      weekly: [{ weekday: 1, start: '09:00', end: '18:00' }, { weekday: 4, start: '09:00', end: '18:00' }], exceptions: [LEAVE] },
    { id: 'naryn-asylzat-2', displayName: 'Фасилитатор А.С.', sex: 'female', languages: ['ky'], certifiedOn: null, active: true, weekly: [], exceptions: [] },
  ],
  groupSlots: [SLOT],
  outreachPoints: [POINT],
};

const CENTRES = { centres: [NARYN, summary('kochkor-umut', 'Үмүт', 'paused', [0, 0, 0])] };

/** The directory as the gateway answers it; `change` answers every change (PATCH, PUT, POST). */
const directory = (change: { status?: number; body?: unknown } = { body: { centre: NARYN } }) => (request: SentRequest) => {
  if (request.method !== 'GET') return change;
  return request.path.endsWith('/centres') ? { body: CENTRES } : { body: { centre: NARYN } };
};

type Refused = { rule: string; field?: string; params?: Record<string, string | number>; message: string };

/** Matching's refusal as the gateway answers it: each rule by name, and on a 400 those at a field as that field's problems. */
const refusing = (status: 400 | 409, ...refusals: Refused[]) => directory({
  status,
  body: {
    statusCode: status,
    error: status === 400 ? 'Bad Request' : 'Conflict',
    message: refusals.map((refusal) => refusal.message).join('; '),
    refusals,
    ...(status === 400 && refusals.some((refusal) => refusal.field)
      ? { problems: refusals.filter((refusal) => refusal.field).map(({ field, message, rule }) => ({ field, rules: [message], codes: [rule] })) }
      : {}),
  },
});

async function openNaryn(answer: (request: SentRequest) => { status?: number; body?: unknown }) {
  const view = await renderSignedIn(<DirectoryScreen />, { role: 'admin', answer });
  fireEvent.click(await screen.findByRole('button', { name: 'Асылзат' }));
  await screen.findByRole('table', { name: ky.directory.groupSlots });
  return view;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the directory screen', () => {
  it('lists the centres with their counts, and shows a chosen centre’s slots and points by name', async () => {
    await openNaryn(directory());
    const centres = screen.getByRole('table', { name: ky.directory.centres });
    const paused = within(centres).getByRole('button', { name: 'Үмүт' }).closest('tr')!;
    expect(within(paused).getByText(ky.directory.centreStatus.paused)).toBeTruthy();
    const naryn = within(centres).getByRole('button', { name: 'Асылзат' }).closest('tr')!;
    expect(within(naryn).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Асылзат', 'Нарын', ky.directory.centreStatus.open, '2', '1', '1']);

    const slot = within(screen.getByRole('table', { name: ky.directory.groupSlots })).getByText(ky.weekday['4']).closest('tr')!;
    expect(within(slot).getByText('14:00–18:00')).toBeTruthy();
    expect(within(slot).getByText('Фасилитатор К.М. жетектейт, Фасилитатор А.С. менен')).toBeTruthy();
    const point = within(screen.getByRole('table', { name: ky.directory.outreachPoints })).getByText('Казарман').closest('tr')!;
    expect(within(point).getByText(`${ky.weekday['2']} 10:00–16:00`)).toBeTruthy();
  });

  it('says that a chosen centre is gone from the directory, by matching’s rule', async () => {
    const gone = {
      statusCode: 404, error: 'Not Found', message: 'no centre naryn-asylzat',
      refusals: [{ rule: 'centre_not_found', params: { centreId: 'naryn-asylzat' }, message: 'no centre naryn-asylzat' }],
    };
    await renderSignedIn(<DirectoryScreen />, {
      role: 'admin', answer: (request) => (request.path.endsWith('/centres') ? { body: CENTRES } : { status: 404, body: gone }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Асылзат' }));
    expect((await screen.findByRole('alert')).textContent).toBe(ky.refusal.centre_not_found.replace('{{centreId}}', 'naryn-asylzat'));
  });

  it('adds a slot with one PATCH of the whole list, and reads the directory again', async () => {
    const { sent } = await openNaryn(directory());
    const form = screen.getByRole('form', { name: ky.directory.addSlot });
    fireEvent.change(within(form).getByLabelText(ky.directory.weekday), { target: { value: '6' } });
    fireEvent.change(within(form).getByLabelText(ky.directory.start), { target: { value: '10:00' } });
    fireEvent.change(within(form).getByLabelText(ky.directory.sex), { target: { value: 'female' } });
    // Only the woman may lead a women's group, so the pair turns round.
    expect((within(form).getByLabelText(ky.directory.lead) as HTMLSelectElement).value).toBe('naryn-asylzat-2');
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));

    await waitFor(() => expect(sent.filter((request) => request.method === 'PATCH')).toHaveLength(1));
    const patch = sent.find((request) => request.method === 'PATCH')!;
    expect(patch.path).toBe('/api/v1/directory/centres/naryn-asylzat');
    expect(patch.body).toEqual({
      groupSlots: [
        SLOT,
        { weekday: 6, start: '10:00', minutes: 240, sex: 'female', language: 'ky', leadFacilitatorId: 'naryn-asylzat-2',
          coFacilitatorId: 'naryn-asylzat-1', minParticipants: 3, maxParticipants: 10 },
      ],
    });
    await waitFor(() => expect(sent.filter((request) => request.path.endsWith('/centres'))).toHaveLength(2));
  });

  it('shows the gateway’s field problem at the new slot’s field, as the hint when its rule has no name', async () => {
    const problems = [{ field: 'groupSlots.1.minutes', rules: ['minutes must not be less than 60'] }];
    await openNaryn(directory({ status: 400, body: { statusCode: 400, message: ['groupSlots.1.minutes: minutes must not be less than 60'], problems } }));
    const form = screen.getByRole('form', { name: ky.directory.addSlot });
    fireEvent.change(within(form).getByLabelText(ky.directory.minutes), { target: { value: '30' } });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));

    expect((await screen.findByRole('alert')).textContent).toBe(ky.form.fixFields);
    const minutes = within(form).getByLabelText(ky.directory.minutes);
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText(ky.form.fieldInvalid)).toBeTruthy();
    expect(within(form).getByLabelText(ky.directory.start).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('says a roster rule of matching in Kyrgyz at the field it names, and one naming no field in the alert', async () => {
    await openNaryn(refusing(400,
      { rule: 'lead_not_of_group_sex', field: 'groupSlots.1.leadFacilitatorId', message: 'changes.groupSlots[1].leadFacilitatorId must be a male facilitator for a male group' },
      { rule: 'slots_share_facilitator', params: { slot: 2, otherSlot: 1, weekday: 4 }, message: 'changes.groupSlots[1] overlaps changes.groupSlots[0] on weekday 4 with the same facilitator' },
    ));
    const form = screen.getByRole('form', { name: ky.directory.addSlot });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`${ky.form.fixFields}${ky.refusal.slots_share_facilitator.replace('{{weekday}}', ky.weekday[4])}`);
    const lead = within(form).getByLabelText(ky.directory.lead);
    expect(lead.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText(ky.refusal.lead_not_of_group_sex)).toBeTruthy();
    expect(screen.queryByText(/must be a male facilitator/)).toBeNull();
  });

  it('says a refusal at an existing slot’s field in the alert, as the new slot’s form has no input for it', async () => {
    await openNaryn(refusing(400, {
      rule: 'lead_not_of_group_sex', field: 'groupSlots.0.leadFacilitatorId', message: 'changes.groupSlots[0].leadFacilitatorId must be a male facilitator for a male group',
    }));
    const form = screen.getByRole('form', { name: ky.directory.addSlot });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));

    expect((await screen.findByRole('alert')).textContent).toBe(`${ky.directory.refused}${ky.refusal.lead_not_of_group_sex}`);
    expect(within(form).getByLabelText(ky.directory.lead).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('says in Kyrgyz a gateway problem at an existing slot’s field, which the new slot’s form has no input for', async () => {
    const problems = [{ field: 'groupSlots.0.maxParticipants', rules: ['maxParticipants must not be greater than 20'], codes: ['max'], params: { max: { max: 20 } } }];
    await openNaryn(directory({ status: 400, body: { statusCode: 400, message: ['groupSlots.0.maxParticipants: maxParticipants must not be greater than 20'], problems } }));
    const form = screen.getByRole('form', { name: ky.directory.addSlot });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));

    expect((await screen.findByRole('alert')).textContent).toBe(`${ky.directory.refused}${ky.validation.max_limit.replace('{{max}}', '20')}`);
    expect(screen.queryByText(/must not be greater/)).toBeNull();
  });

  it('says a rule it does not know yet by what the answer tells, in Kyrgyz, at its field and in the alert, never in the API’s English', async () => {
    await openNaryn(refusing(400,
      { rule: 'slot_too_crowded', field: 'groupSlots.1.maxParticipants', message: 'changes.groupSlots[1].maxParticipants is more than the room holds' },
      { rule: 'centre_closing', message: 'centre naryn-asylzat is closing' },
    ));
    const form = screen.getByRole('form', { name: ky.directory.addSlot });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));

    expect((await screen.findByRole('alert')).textContent).toBe(`${ky.form.fixFields}${ky.unknownRule.change} ${ky.unknownRule.reload}`);
    expect(within(form).getByLabelText(ky.directory.maxParticipants).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText(`${ky.unknownRule.here} ${ky.unknownRule.reload}`)).toBeTruthy();
    expect(screen.queryByText(/room holds|is closing/)).toBeNull();
  });

  it('names by its label an existing slot’s field refused by a rule it does not know yet', async () => {
    await openNaryn(refusing(400, { rule: 'slot_too_crowded', field: 'groupSlots.0.maxParticipants', message: 'changes.groupSlots[0].maxParticipants is more than the room holds' }));
    const form = screen.getByRole('form', { name: ky.directory.addSlot });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));

    expect((await screen.findByRole('alert')).textContent)
      .toBe(`${ky.directory.refused}${ky.unknownRule.field.replace('{{field}}', ky.directory.maxParticipants)} ${ky.unknownRule.reload}`);
  });

  it('says a conflict by a rule it does not know yet as a change meanwhile, with a reload to learn why', async () => {
    await openNaryn(refusing(409, { rule: 'point_booked_by_partner', params: { pointId: 'naryn-asylzat-point-1' }, message: 'outreach point naryn-asylzat-point-1 is booked by a partner' }));
    fireEvent.click(screen.getByRole('button', { name: ky.directory.removePoint.replace('{{place}}', 'Казарман') }));

    expect((await screen.findByRole('alert')).textContent).toBe(`${ky.directory.refused}${ky.unknownRule.conflict} ${ky.unknownRule.reload}`);
  });

  it('says why an outreach point with sessions ahead stays', async () => {
    const { sent } = await openNaryn(refusing(409, {
      rule: 'point_has_sessions_ahead', params: { pointId: 'naryn-asylzat-point-1' },
      message: 'outreach point naryn-asylzat-point-1 has sessions ahead; keep it until they are held',
    }));
    fireEvent.click(screen.getByRole('button', { name: ky.directory.removePoint.replace('{{place}}', 'Казарман') }));
    expect((await screen.findByRole('alert')).textContent).toBe(`${ky.directory.refused}${ky.refusal.point_has_sessions_ahead}`);
    expect(sent.find((request) => request.method === 'PATCH')?.body).toEqual({ outreachPoints: [] });
  });
});

describe('a centre’s facilitators and status on the directory screen', () => {
  const sentWith = (sent: SentRequest[], method: string) => sent.filter((request) => request.method === method);

  it('lists the facilitators with their languages, whether they take new work and their usual week', async () => {
    await openNaryn(directory());
    const table = screen.getByRole('table', { name: ky.directory.facilitators });
    const man = within(table).getByText('Фасилитатор К.М.').closest('tr')!;
    expect(within(man).getAllByRole('cell').slice(0, 5).map((cell) => cell.textContent)).toEqual([
      'Фасилитатор К.М.', ky.directory.facilitatorSex.male, `${ky.language.ky}, ${ky.language.ru}`, ky.directory.facilitatorActive.true,
      `${ky.weekday['1']} 09:00–18:00; ${ky.weekday['4']} 09:00–18:00`,
    ]);
    const woman = within(table).getByText('Фасилитатор А.С.').closest('tr')!;
    expect(within(woman).getByText(ky.directory.noWeekly)).toBeTruthy();
  });

  it('adds a facilitator with the fields the API requires, and reads the directory again', async () => {
    const { sent } = await openNaryn(directory({ status: 201, body: { facilitator: NARYN.facilitators[0] } }));
    const form = screen.getByRole('form', { name: ky.directory.addFacilitator });
    fireEvent.change(within(form).getByLabelText(ky.directory.displayName), { target: { value: ' Фасилитатор Б.Т. ' } });
    fireEvent.change(within(form).getByLabelText(ky.directory.facilitatorSex.label), { target: { value: 'male' } });
    fireEvent.click(within(form).getByLabelText(ky.language.ru));
    fireEvent.change(within(form).getByLabelText(ky.directory.weekday), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText(ky.directory.end), { target: { value: '13:00' } });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));

    await waitFor(() => expect(sentWith(sent, 'POST')).toHaveLength(1));
    const [post] = sentWith(sent, 'POST');
    expect(post.path).toBe('/api/v1/directory/centres/naryn-asylzat/facilitators');
    expect(post.body).toEqual({
      displayName: 'Фасилитатор Б.Т.', sex: 'male', languages: ['ky', 'ru'], certifiedOn: null, active: true,
      weekly: [{ weekday: 3, start: '09:00', end: '13:00' }],
    });
    await waitFor(() => expect(sent.filter((request) => request.path.endsWith('/centres'))).toHaveLength(2));
    // The form starts empty again for the next one.
    expect((within(screen.getByRole('form', { name: ky.directory.addFacilitator })).getByLabelText(ky.directory.displayName) as HTMLInputElement).value).toBe('');
  });

  it('shows the gateway’s field problem by its rule’s name and number, and matching’s rule on the week, at the new facilitator’s fields', async () => {
    const problems = [{
      field: 'displayName', rules: ['displayName must be shorter than or equal to 200 characters'], codes: ['maxLength'], params: { maxLength: { max: 200 } },
    }];
    await openNaryn(directory({ status: 400, body: { statusCode: 400, message: ['displayName: too long'], problems } }));
    let form = screen.getByRole('form', { name: ky.directory.addFacilitator });
    fireEvent.change(within(form).getByLabelText(ky.directory.displayName), { target: { value: 'Ф'.repeat(201) } });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));
    expect((await screen.findByRole('alert')).textContent).toBe(ky.form.fixFields);
    expect(within(form).getByLabelText(ky.directory.displayName).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText(ky.validation.maxLength_limit.replace('{{max}}', '200'))).toBeTruthy();
    expect(within(form).getByLabelText(ky.directory.end).getAttribute('aria-invalid')).not.toBe('true');
    cleanup();

    await openNaryn(refusing(400, {
      rule: 'window_ends_before_start', field: 'weekly.0.end', message: 'facilitator.weekly[0].end must be after facilitator.weekly[0].start',
    }));
    form = screen.getByRole('form', { name: ky.directory.addFacilitator });
    fireEvent.change(within(form).getByLabelText(ky.directory.displayName), { target: { value: 'Фасилитатор Б.Т.' } });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));
    expect((await screen.findByRole('alert')).textContent).toBe(ky.form.fixFields);
    expect(within(form).getByLabelText(ky.directory.end).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText(ky.refusal.window_ends_before_start)).toBeTruthy();
  });

  it('replaces a facilitator’s week with one PUT, and deactivates one with a PATCH', async () => {
    const { sent } = await openNaryn(directory({ body: { facilitator: NARYN.facilitators[0] } }));
    fireEvent.click(screen.getByRole('button', { name: ky.directory.editWeekOf.replace('{{name}}', 'Фасилитатор К.М.') }));
    const form = screen.getByRole('form', { name: ky.directory.weekOf.replace('{{name}}', 'Фасилитатор К.М.') });
    fireEvent.change(within(form).getAllByLabelText(ky.directory.start)[1], { target: { value: '12:00' } });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.save }));
    await waitFor(() => expect(sentWith(sent, 'PUT')).toHaveLength(1));
    expect(sentWith(sent, 'PUT')[0]).toMatchObject({
      path: '/api/v1/directory/facilitators/naryn-asylzat-1/availability',
      body: { weekly: [{ weekday: 1, start: '09:00', end: '18:00' }, { weekday: 4, start: '12:00', end: '18:00' }] },
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: ky.directory.weekOf.replace('{{name}}', 'Фасилитатор К.М.') })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: ky.directory.deactivateOf.replace('{{name}}', 'Фасилитатор А.С.') }));
    await waitFor(() => expect(sentWith(sent, 'PATCH')).toHaveLength(1));
    expect(sentWith(sent, 'PATCH')[0]).toMatchObject({ path: '/api/v1/directory/facilitators/naryn-asylzat-2', body: { active: false } });
  });

  it('pauses the centre with a PUT only once the admin confirms', async () => {
    const { sent } = await openNaryn(directory());
    fireEvent.click(screen.getByRole('button', { name: ky.directory.setStatus.paused }));
    const confirmation = screen.getByRole('group', { name: ky.directory.setStatus.paused });
    expect(within(confirmation).getByText(ky.directory.confirmStatus.paused.replace('{{name}}', 'Асылзат'))).toBeTruthy();
    expect(sentWith(sent, 'PUT')).toHaveLength(0);
    fireEvent.click(within(confirmation).getByRole('button', { name: ky.directory.confirm }));
    await waitFor(() => expect(sentWith(sent, 'PUT')).toHaveLength(1));
    expect(sentWith(sent, 'PUT')[0]).toMatchObject({ path: '/api/v1/directory/centres/naryn-asylzat/status', body: { status: 'paused' } });
  });

  it('says in Kyrgyz that the centre changed meanwhile when the refusal to pause it names no rule', async () => {
    await openNaryn(directory({ status: 409, body: { statusCode: 409, error: 'Conflict', message: 'centre naryn-asylzat is being moved' } }));
    fireEvent.click(screen.getByRole('button', { name: ky.directory.setStatus.paused }));
    fireEvent.click(screen.getByRole('button', { name: ky.directory.confirm }));
    expect((await screen.findByRole('alert')).textContent).toBe(`${ky.directory.refused}${ky.unknownRule.conflict} ${ky.unknownRule.reload}`);
  });
});

describe('a directory answer that names no rule', () => {
  it.each([
    [503, 'Service Unavailable', 'a Korgoo service did not answer in time; try again'],
    [502, 'Bad Gateway', 'the service could not answer'],
    [403, 'Forbidden', 'Forbidden resource'],
  ])('says a %s in Russian, not in the API’s English', async (status, error, message) => {
    await renderSignedIn(<DirectoryScreen />, { role: 'admin', language: 'ru', answer: directory({ status, body: { statusCode: status, error, message } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Асылзат' }));
    fireEvent.click(await screen.findByRole('button', { name: ru.directory.setStatus.paused }));
    fireEvent.click(screen.getByRole('button', { name: ru.directory.confirm }));
    expect((await screen.findByRole('alert')).textContent).toBe(ru.form.failed);
  });
});

describe('a facilitator’s leave on the directory screen', () => {
  const KM = 'Фасилитатор К.М.';
  const day = (on: string) => formatDate(on, 'ky', { withTime: false, timeZone: 'UTC' });
  const holidays = `${day('2026-12-30')} – ${day('2027-01-02')}`;

  async function openLeave(answer: (request: SentRequest) => { status?: number; body?: unknown }) {
    const view = await openNaryn(answer);
    fireEvent.click(screen.getByRole('button', { name: ky.directory.leaveOf.replace('{{name}}', KM) }));
    return { ...view, panel: screen.getByRole('region', { name: ky.directory.leaveOf.replace('{{name}}', KM) }) };
  }

  function addLeave(panel: HTMLElement, first: string, last: string) {
    const form = within(panel).getByRole('form', { name: ky.directory.addLeave });
    fireEvent.change(within(form).getByLabelText(ky.directory.firstDay), { target: { value: first } });
    fireEvent.change(within(form).getByLabelText(ky.directory.lastDay), { target: { value: last } });
    fireEvent.change(within(form).getByLabelText(ky.directory.reason), { target: { value: 'leave' } });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.add }));
    return form;
  }

  it('lists each period away by its Bishkek days and its reason', async () => {
    const { panel } = await openLeave(directory());
    const row = within(within(panel).getByRole('table')).getByText(holidays).closest('tr')!;
    expect(within(row).getByText(ky.directory.exceptionReason.holiday)).toBeTruthy();
  });

  it('adds leave from the first day’s start to the start of the day after the last, Bishkek time', async () => {
    const { sent, panel } = await openLeave(directory({ status: 201, body: { facilitator: NARYN.facilitators[0] } }));
    addLeave(panel, '2027-03-02', '2027-03-05');
    await waitFor(() => expect(sent.filter((request) => request.method === 'POST')).toHaveLength(1));
    expect(sent.find((request) => request.method === 'POST')).toMatchObject({
      path: '/api/v1/directory/facilitators/naryn-asylzat-1/exceptions',
      body: { from: '2027-03-02T00:00:00+06:00', to: '2027-03-06T00:00:00+06:00', reason: 'leave' },
    });
    await waitFor(() => expect(sent.filter((request) => request.path.endsWith('/centres'))).toHaveLength(2));
  });

  it('says how many booked sessions went to a colleague and how many are being re-planned, once the period is added', async () => {
    const covered = { ...NARYN.facilitators[0], sessionsCover: { substituted: 1, replanned: 2 } };
    const { panel } = await openLeave(directory({ status: 201, body: { facilitator: covered } }));
    addLeave(panel, '2027-03-02', '2027-03-05');
    const status = await within(panel).findByRole('status');
    expect(status.textContent).toBe(ky.directory.sessionsCover.replace('{{substituted}}', '1').replace('{{replanned}}', '2'));
  });

  it('shows matching’s refusal of the period at its last day, and a conflict naming no rule by its status', async () => {
    const { panel } = await openLeave(refusing(400, { rule: 'period_ends_before_start', field: 'to', message: 'exception.to must be after exception.from' }));
    const form = addLeave(panel, '2027-03-05', '2027-03-01');
    expect((await within(panel).findByRole('alert')).textContent).toBe(ky.form.fixFields);
    expect(within(form).getByLabelText(ky.directory.lastDay).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText(ky.refusal.period_ends_before_start)).toBeTruthy();
    expect(within(form).getByLabelText(ky.directory.firstDay).getAttribute('aria-invalid')).not.toBe('true');
    cleanup();

    const message = 'facilitator naryn-asylzat-1 has sessions booked in that period';
    const refused = await openLeave(directory({ status: 409, body: { statusCode: 409, error: 'Conflict', message } }));
    addLeave(refused.panel, '2027-03-02', '2027-03-05');
    expect((await within(refused.panel).findByRole('alert')).textContent).toBe(`${ky.directory.refused}${ky.unknownRule.conflict} ${ky.unknownRule.reload}`);
  });

  it('says that a period is gone when the refusal names a rule it does not know yet', async () => {
    const message = `facilitator naryn-asylzat-1 has no exception ${LEAVE.id} any more`;
    const { panel } = await openLeave(directory({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message, refusals: [{ rule: 'exception_archived', params: { exceptionId: LEAVE.id }, message }] },
    }));
    fireEvent.click(within(panel).getByRole('button', { name: ky.directory.removeLeaveOf.replace('{{period}}', holidays) }));
    expect((await within(panel).findByRole('alert')).textContent).toBe(`${ky.directory.refused}${ky.unknownRule.notFound} ${ky.unknownRule.reload}`);
  });

  it('says that a period already removed is gone, by matching’s rule', async () => {
    const { panel } = await openLeave(directory({
      status: 404,
      body: {
        statusCode: 404, error: 'Not Found', message: `facilitator naryn-asylzat-1 has no exception ${LEAVE.id}`,
        refusals: [{ rule: 'exception_not_found', params: { facilitatorId: 'naryn-asylzat-1', exceptionId: LEAVE.id }, message: `facilitator naryn-asylzat-1 has no exception ${LEAVE.id}` }],
      },
    }));
    fireEvent.click(within(panel).getByRole('button', { name: ky.directory.removeLeaveOf.replace('{{period}}', holidays) }));
    expect((await within(panel).findByRole('alert')).textContent)
      // The facilitator is named as the screen shows them, not by their id.
      .toBe(`${ky.directory.refused}${ky.refusal.exception_not_found.replace('{{facilitatorId}}', 'Фасилитатор К.М.')}`);
  });

  it('removes a period with a DELETE of that period', async () => {
    const { sent, panel } = await openLeave(directory({ body: { facilitator: NARYN.facilitators[0] } }));
    fireEvent.click(within(panel).getByRole('button', { name: ky.directory.removeLeaveOf.replace('{{period}}', holidays) }));
    await waitFor(() => expect(sent.filter((request) => request.method === 'DELETE')).toHaveLength(1));
    expect(sent.find((request) => request.method === 'DELETE')!.path).toBe(`/api/v1/directory/facilitators/naryn-asylzat-1/exceptions/${LEAVE.id}`);
  });
});

describe('corrections of a facilitator on the directory screen', () => {
  const details = ky.directory.detailsOf.replace('{{name}}', 'Фасилитатор А.С.');

  it('sends only what was corrected in one PATCH, and closes the form', async () => {
    const { sent } = await openNaryn(directory({ body: { facilitator: NARYN.facilitators[1] } }));
    fireEvent.click(screen.getByRole('button', { name: ky.directory.correctOf.replace('{{name}}', 'Фасилитатор А.С.') }));
    const form = screen.getByRole('form', { name: details });
    expect((within(form).getByLabelText(ky.directory.displayName) as HTMLInputElement).value).toBe('Фасилитатор А.С.');
    fireEvent.change(within(form).getByLabelText(ky.directory.displayName), { target: { value: ' Фасилитатор А.Т. ' } });
    fireEvent.click(within(form).getByLabelText(ky.language.ru));
    fireEvent.change(within(form).getByLabelText(ky.directory.certifiedOn), { target: { value: '2024-05-17' } });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.save }));

    await waitFor(() => expect(sent.filter((request) => request.method === 'PATCH')).toHaveLength(1));
    expect(sent.find((request) => request.method === 'PATCH')).toMatchObject({
      path: '/api/v1/directory/facilitators/naryn-asylzat-2',
      body: { displayName: 'Фасилитатор А.Т.', languages: ['ky', 'ru'], certifiedOn: '2024-05-17' },
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: details })).toBeNull());
  });

  it('shows the gateway’s field problem at the corrected field', async () => {
    const problems = [{ field: 'certifiedOn', rules: ['certifiedOn must be a date YYYY-MM-DD or null'] }];
    await openNaryn(directory({ status: 400, body: { statusCode: 400, message: ['certifiedOn: not a date'], problems } }));
    fireEvent.click(screen.getByRole('button', { name: ky.directory.correctOf.replace('{{name}}', 'Фасилитатор А.С.') }));
    const form = screen.getByRole('form', { name: details });
    fireEvent.change(within(form).getByLabelText(ky.directory.certifiedOn), { target: { value: '2024-05-17' } });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.save }));
    expect((await screen.findByRole('alert')).textContent).toBe(ky.form.fixFields);
    expect(within(form).getByLabelText(ky.directory.certifiedOn).getAttribute('aria-invalid')).toBe('true');
  });

  it('corrects a facilitator’s sex, and says in Kyrgyz why the directory refuses it under booked sessions', async () => {
    const refusal = { rule: 'sessions_planned_on_sex', params: { facilitatorId: 'naryn-asylzat-2' }, message: 'facilitator naryn-asylzat-2 has sessions ahead planned on their sex; deactivate instead' };
    const { sent } = await openNaryn(refusing(409, refusal));
    fireEvent.click(screen.getByRole('button', { name: ky.directory.correctOf.replace('{{name}}', 'Фасилитатор А.С.') }));
    const form = screen.getByRole('form', { name: details });
    fireEvent.change(within(form).getByLabelText(ky.directory.facilitatorSex.label), { target: { value: 'male' } });
    fireEvent.click(within(form).getByRole('button', { name: ky.directory.save }));
    await waitFor(() => expect(sent.filter((request) => request.method === 'PATCH')).toHaveLength(1));
    expect(sent.find((request) => request.method === 'PATCH')!.body).toEqual({ sex: 'male' });
    expect((await screen.findByRole('alert')).textContent).toContain(ky.refusal.sessions_planned_on_sex.replace('{{facilitatorId}}', 'Фасилитатор А.С.'));
  });
});

describe('removing a facilitator and deactivating one with booked sessions', () => {
  const remove = ky.directory.removeFacilitatorOf.replace('{{name}}', 'Фасилитатор К.М.');

  it('removes only after the admin confirms, and says in Kyrgyz why the directory refuses', async () => {
    const refusal = { rule: 'facilitator_runs_slot', params: { facilitatorId: 'naryn-asylzat-1', slotId: 'naryn-asylzat-slot-1' }, message: 'facilitator naryn-asylzat-1 runs group slot naryn-asylzat-slot-1; change the slot first' };
    const { sent } = await openNaryn(refusing(409, refusal));
    fireEvent.click(screen.getByRole('button', { name: remove }));
    expect(sent.filter((request) => request.method === 'DELETE')).toHaveLength(0);
    const confirm = screen.getByRole('group', { name: remove });
    fireEvent.click(within(confirm).getByRole('button', { name: ky.directory.confirm }));
    await waitFor(() => expect(sent.filter((request) => request.method === 'DELETE')).toHaveLength(1));
    expect(sent.find((request) => request.method === 'DELETE')!.path).toBe('/api/v1/directory/facilitators/naryn-asylzat-1');
    expect((await within(confirm).findByRole('alert')).textContent).toContain(ky.refusal.facilitator_runs_slot.replace('{{slotId}}', `${ky.weekday['4']} 14:00`));
    fireEvent.click(within(confirm).getByRole('button', { name: ky.directory.cancel }));
    expect(screen.queryByRole('group', { name: remove })).toBeNull();
  });

  it('says how many booked sessions went to a colleague and how many are being re-planned after a deactivation', async () => {
    const covered = { ...NARYN.facilitators[0], active: false, sessionsCover: { substituted: 2, replanned: 1 } };
    const { sent } = await openNaryn(directory({ body: { facilitator: covered } }));
    fireEvent.click(screen.getByRole('button', { name: ky.directory.deactivateOf.replace('{{name}}', 'Фасилитатор К.М.') }));
    await waitFor(() => expect(sent.find((request) => request.method === 'PATCH')?.body).toEqual({ active: false }));
    expect((await screen.findByRole('status')).textContent).toBe(ky.directory.sessionsCover.replace('{{substituted}}', '2').replace('{{replanned}}', '1'));
  });
});
