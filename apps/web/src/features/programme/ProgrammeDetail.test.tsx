import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgrammeResponse } from '../../api/korgoo-api';
import en from '../../i18n/locales/en.json';
import ky from '../../i18n/locales/ky.json';
import { renderSignedIn, SentRequest } from '../../test/render';
import { ProgrammeDetail } from './ProgrammeDetail';

const REFERRAL = '6f1c1d2e-0000-4000-8000-000000000001';
const PATH = `/api/v1/referrals/${REFERRAL}/programme`;

function programme(overrides: Partial<ProgrammeResponse> = {}): ProgrammeResponse {
  const session = (index: number, kind: 'individual' | 'group', mark: ProgrammeResponse['sessions'][number]['mark']) => ({
    index, kind, mark, startsAt: `2026-03-0${index + 1}T10:00:00Z`, endsAt: `2026-03-0${index + 1}T14:00:00Z`,
    facilitatorNote: mark ? 'Came on time' : null,
  });
  return {
    programmeId: 'p-1', referralId: REFERRAL, referralNumber: 'R-2026-000017', orderId: 'o-1', centreId: 'naryn-asylzat',
    track: 'men', language: 'ky', expiresAt: '2026-03-30T00:00:00Z', state: 'in_progress', outcomeAt: null, closure: null,
    completion: null, notices: [], voluntary: null, monitoring: [],
    sessions: [session(1, 'individual', 'attended'), session(2, 'individual', null), session(3, 'group', null), session(4, 'group', null)],
    ...overrides,
  };
}

const answering = (current: ProgrammeResponse, onPost?: (request: SentRequest) => { status: number; body: unknown }) =>
  (request: SentRequest) => (request.method === 'POST' && onPost ? onPost(request) : { body: { programme: current } });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the programme of a referral', () => {
  it('asks centre staff for the first unrecorded session and sends an excused absence with its reason', async () => {
    const { sent } = await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, {
      role: 'centre',
      answer: answering(programme(), () => ({ status: 200, body: { programme: programme() } })),
    });
    await screen.findByText(ky.programme.recordSession.replace('{{index}}', '2'));
    fireEvent.change(screen.getByLabelText(ky.programme.mark), { target: { value: 'excused_absence' } });
    fireEvent.change(screen.getByLabelText(ky.programme.excuseReason), { target: { value: 'court_hearing' } });
    fireEvent.change(screen.getByLabelText(ky.programme.facilitatorNote, { exact: false }), { target: { value: 'Соттогу угуу' } });
    fireEvent.change(screen.getByLabelText(ky.programme.signedBy, { exact: false }), { target: { value: 'Айгүл' } });
    fireEvent.click(screen.getByRole('button', { name: ky.programme.record }));
    await waitFor(() => expect(sent.some((request) => request.method === 'POST')).toBe(true));
    expect(sent.find((request) => request.method === 'POST')).toMatchObject({
      method: 'POST',
      path: `${PATH}/sessions/2/attendance`,
      body: { mark: 'excused_absence', excuseReason: 'court_hearing', facilitatorNote: 'Соттогу угуу', signedBy: 'Айгүл' },
    });
  });

  it('shows the API’s field problem at the field it names', async () => {
    await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, {
      role: 'centre',
      answer: answering(programme(), () => ({
        status: 400,
        body: { statusCode: 400, message: ['signedBy must name the facilitator who signs'], problems: [{ field: 'signedBy', rules: ['signedBy must name the facilitator who signs'] }] },
      })),
    });
    fireEvent.click(await screen.findByRole('button', { name: ky.programme.record }));
    const signedBy = screen.getByLabelText(ky.programme.signedBy, { exact: false });
    await waitFor(() => expect(signedBy.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(ky.form.fieldInvalid)).toBeTruthy();
    expect(screen.getByLabelText(ky.programme.facilitatorNote, { exact: false }).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('lets a coordinator close the programme with a coded reason, and a note only for "other"', async () => {
    const { sent } = await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, {
      role: 'coordinator',
      answer: answering(programme(), () => ({ status: 200, body: { programme: programme({ state: 'closed_by_decision' }) } })),
    });
    const reason = await screen.findByLabelText(ky.programme.closeReason);
    expect(screen.queryByLabelText(ky.programme.closeNote, { exact: false })).toBeNull();
    fireEvent.change(reason, { target: { value: 'other' } });
    fireEvent.change(screen.getByLabelText(ky.programme.closeNote, { exact: false }), { target: { value: 'Үй-бүлөсү менен көчүп кетти' } });
    fireEvent.click(screen.getByRole('button', { name: ky.programme.close }));
    await screen.findByText(ky.programmeState.closed_by_decision);
    expect(sent.find((request) => request.method === 'POST')).toMatchObject({
      method: 'POST',
      path: `${PATH}/close`,
      body: { reason: 'other', note: 'Үй-бүлөсү менен көчүп кетти' },
    });
    expect(screen.queryByLabelText(ky.programme.closeReason)).toBeNull();
  });

  it('asks for a re-check day when a coordinator closes for treatment first', async () => {
    const { sent } = await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, {
      role: 'coordinator',
      answer: answering(programme(), () => ({ status: 200, body: { programme: programme({ state: 'closed_by_decision' }) } })),
    });
    const reason = await screen.findByLabelText(ky.programme.closeReason);
    expect(screen.queryByLabelText(ky.programme.recheckOn, { exact: false })).toBeNull();
    fireEvent.change(reason, { target: { value: 'treatment_first' } });
    fireEvent.change(screen.getByLabelText(ky.programme.recheckOn, { exact: false }), { target: { value: '2026-06-15' } });
    fireEvent.click(screen.getByRole('button', { name: ky.programme.close }));
    await screen.findByText(ky.programmeState.closed_by_decision);
    expect(sent.find((request) => request.method === 'POST')).toMatchObject({
      path: `${PATH}/close`,
      body: { reason: 'treatment_first', recheckOn: '2026-06-15' },
    });
  });

  it('after completion shows the monitoring meetings and lets the centre enrol the person in the voluntary component', async () => {
    const monitoring = [1, 6, 18].map((months, i) => ({
      number: i + 1, monthsAfterCompletion: months, dueAt: `2027-0${i + 1}-01T05:00:00Z`, outcome: i === 0 ? ('held' as const) : null, recordedAt: null,
    }));
    const completed = programme({ state: 'completed', monitoring });
    const voluntary = {
      state: 'enrolled' as const, enrolledAt: '2026-04-01T05:00:00Z', plannedEnd: '2026-10-01T05:00:00Z', outcomeAt: null,
      plan: { individual: 2, group: 24, months: 6 }, sessions: [],
    };
    const { sent } = await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, {
      role: 'centre',
      answer: answering(completed, () => ({ status: 200, body: { programme: { ...completed, voluntary } } })),
    });
    await screen.findByText(ky.programme.monitoring);
    expect(screen.getByText(new RegExp(`^1-жолугушуу .*: ${ky.followUpOutcome.held}$`))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: ky.programme.enrol }));
    await screen.findByText(ky.voluntaryState.enrolled);
    expect(sent.find((request) => request.method === 'POST')).toMatchObject({ path: `${PATH}/voluntary` });
  });

  it('lets the centre record the next voluntary session with the day it was held', async () => {
    const voluntary = {
      state: 'enrolled' as const, enrolledAt: '2026-04-01T05:00:00Z', plannedEnd: '2026-10-01T05:00:00Z', outcomeAt: null,
      plan: { individual: 2, group: 24, months: 6 },
      sessions: [{ number: 1, kind: 'individual' as const, heldAt: '2026-04-08T05:00:00Z', mark: 'attended' as const }],
    };
    const enrolled = programme({ state: 'completed', voluntary });
    const { sent } = await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, {
      role: 'centre',
      answer: answering(enrolled, () => ({ status: 200, body: { programme: enrolled } })),
    });
    const form = await screen.findByRole('form', { name: ky.programme.recordVoluntary.replace('{{number}}', '2') });
    expect(screen.getByRole('table', { name: ky.programme.voluntarySessions })).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(ky.programme.heldAt, { exact: false }), { target: { value: '2026-04-15T11:00' } });
    fireEvent.change(within(form).getByLabelText(ky.programme.mark), { target: { value: 'unexcused_absence' } });
    fireEvent.change(within(form).getByLabelText(ky.programme.facilitatorNote, { exact: false }), { target: { value: 'Келген жок' } });
    fireEvent.change(within(form).getByLabelText(ky.programme.signedBy, { exact: false }), { target: { value: 'Айгүл' } });
    fireEvent.click(within(form).getByRole('button', { name: ky.programme.record }));
    await waitFor(() => expect(sent.some((request) => request.method === 'POST')).toBe(true));
    expect(sent.find((request) => request.method === 'POST')).toMatchObject({
      path: `${PATH}/voluntary/sessions/2/attendance`,
      body: { mark: 'unexcused_absence', facilitatorNote: 'Келген жок', signedBy: 'Айгүл', heldAt: new Date('2026-04-15T11:00').toISOString() },
    });
  });

  it('lets the centre record a monitoring meeting as held, and says why when the API refuses one', async () => {
    const monitoring = [1, 6, 18].map((months, i) => ({
      number: i + 1, monthsAfterCompletion: months, dueAt: `2027-0${i + 1}-01T05:00:00Z`, outcome: i === 0 ? ('held' as const) : null, recordedAt: null,
    }));
    const completed = programme({ state: 'completed', monitoring });
    const { sent } = await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, {
      role: 'centre',
      answer: answering(completed, (request) =>
        request.path.endsWith('/follow-ups/3')
          ? { status: 409, body: { statusCode: 409, message: 'monitoring meeting 3 is not due yet' } }
          : { status: 200, body: { programme: { ...completed, monitoring: monitoring.map((m) => (m.number === 2 ? { ...m, outcome: 'held' as const } : m)) } } }),
    });
    expect(await screen.findByRole('button', { name: ky.programme.recordFollowUp.held.replace('{{number}}', '2') })).toBeTruthy();
    expect(screen.queryByRole('button', { name: ky.programme.recordFollowUp.held.replace('{{number}}', '1') })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: ky.programme.recordFollowUp.held.replace('{{number}}', '2') }));
    await waitFor(() => expect(screen.queryByRole('button', { name: ky.programme.recordFollowUp.held.replace('{{number}}', '2') })).toBeNull());
    expect(sent.find((request) => request.method === 'POST')).toMatchObject({ path: `${PATH}/follow-ups/2`, body: { outcome: 'held' } });
    fireEvent.click(screen.getByRole('button', { name: ky.programme.recordFollowUp.missed.replace('{{number}}', '3') }));
    await screen.findByText(ky.programme.followUpRefused);
  });

  it('says by the programme service’s rule, in the reader’s language, why a monitoring meeting was not recorded', async () => {
    const monitoring = [{ number: 1, monthsAfterCompletion: 1, dueAt: '2027-01-01T05:00:00Z', outcome: null, recordedAt: null }];
    const message = 'monitoring meeting 1 is not due yet (2027-01-01T05:00:00.000Z)';
    await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, {
      role: 'centre',
      language: 'en',
      answer: answering(programme({ state: 'completed', monitoring }), () => ({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message, refusals: [{ rule: 'follow_up_not_due', params: { number: 1 }, message }] },
      })),
    });
    fireEvent.click(await screen.findByRole('button', { name: en.programme.recordFollowUp.missed.replace('{{number}}', '1') }));
    expect((await screen.findByRole('alert')).textContent).toBe(en.refusal.follow_up_not_due.replace('{{number}}', '1'));
    expect(screen.queryByText(en.programme.followUpRefused)).toBeNull();
  });

  it('shows coordinators the monitoring meetings without buttons to record them', async () => {
    const monitoring = [{ number: 1, monthsAfterCompletion: 1, dueAt: '2027-01-01T05:00:00Z', outcome: null, recordedAt: null }];
    await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, {
      role: 'coordinator',
      answer: answering(programme({ state: 'completed', monitoring })),
    });
    await screen.findByText(ky.programme.monitoring);
    expect(screen.queryByRole('button', { name: ky.programme.recordFollowUp.held.replace('{{number}}', '1') })).toBeNull();
  });

  it('shows police the outcome and the Article 72 notice, not the sessions or notes', async () => {
    const refused = programme({
      state: 'refused',
      notices: [{ noticeId: 'n-1', ground: 'unexcused_absences', refusalPolicy: 'two-unexcused-v1', sessionsOffered: 4, missed: [], reportedAt: '2026-03-20T09:00:00Z' }],
    });
    await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, { role: 'police', language: 'en', answer: answering(refused) });
    await screen.findByText(en.programmeState.refused);
    expect(screen.getByText(en.programme.notices)).toBeTruthy();
    expect(screen.getByText(new RegExp(en.refusalGround.unexcused_absences))).toBeTruthy();
    expect(screen.queryByText(en.programme.session)).toBeNull();
    expect(screen.queryByText('Came on time')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says the programme is being set up while the programme service has not opened it', async () => {
    await renderSignedIn(<ProgrammeDetail referralId={REFERRAL} />, {
      role: 'centre',
      answer: () => ({ status: 404, body: { statusCode: 404, message: 'no programme' } }),
    });
    await screen.findByText(ky.programme.notYet);
  });
});
