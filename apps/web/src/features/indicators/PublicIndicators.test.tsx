import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicIndicatorsReply } from '../../api/korgoo-api';
import { App } from '../../app/App';
import en from '../../i18n/locales/en.json';
import ky from '../../i18n/locales/ky.json';
import { renderSignedIn } from '../../test/render';
import { PublicIndicators } from './PublicIndicators';

const REPLY: PublicIndicatorsReply = {
  from: '2026-01',
  to: '2026-06',
  quarters: [
    { from: '2026-01', to: '2026-03', edition: 'provisional', countedBefore: '2026-05-30T18:00:00.000Z', nextEdition: 'final', nextEditionOn: '2028-03-30T18:00:00.000Z' },
    { from: '2026-04', to: '2026-06', edition: null, countedBefore: null, nextEdition: 'provisional', nextEditionOn: '2026-08-29T18:00:00.000Z' },
  ],
  months: ['2026-01', '2026-02'],
  oblasts: ['Naryn', 'unknown'],
  indicators: [
    {
      key: 'orders_registered',
      label: { ky: 'Катталган ордерлер', ru: 'Зарегистрированные ордера', en: 'Orders registered' },
      byMonthAndOblast: [[12, '<5'], [7, 'x']],
      nationalByMonth: [15, 9],
      byOblast: [19, 5],
      national: 24,
    },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the public indicators', () => {
  it('open from the sign-in screen and are read without an account', async () => {
    const { sent } = await renderSignedIn(<App />, { role: null, answer: () => ({ body: REPLY }) });
    fireEvent.click(screen.getByRole('button', { name: ky.publicIndicators.open }));
    const table = await screen.findByRole('table', { name: 'Катталган ордерлер' });
    expect(sent.every((request) => request.token === null)).toBe(true);
    const thisYear = new Date().getUTCFullYear();
    // From January of last year: this year's first quarter is published only at the end of May.
    expect(sent[0].path).toMatch(new RegExp(`^/api/v1/public/indicators\\?from=${thisYear - 1}-01&to=\\d{4}-\\d{2}$`));
    expect(within(table).getByRole('columnheader', { name: ky.oblast.Naryn })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: ky.oblast.unknown })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: ky.publicIndicators.period })).toBeTruthy();
    expect(within(table).getByTitle(ky.publicIndicators.fewerThanFive).textContent).toBe('<5');
    expect(within(table).getByTitle(ky.publicIndicators.hidden).textContent).toBe('x');
    fireEvent.click(screen.getByRole('button', { name: ky.publicIndicators.back }));
    expect(await screen.findByLabelText(ky.signIn.username, { exact: false })).toBeTruthy();
  });

  it('asks for the period chosen, with the month rows and the period’s totals', async () => {
    const { sent } = await renderSignedIn(<PublicIndicators />, { role: null, language: 'en', answer: () => ({ body: REPLY }) });
    const table = await screen.findByRole('table', { name: 'Orders registered' });
    const rows = within(table).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual([`${en.dimension.month}${en.oblast.Naryn}${en.oblast.unknown}${en.publicIndicators.national}`, '2026-0112<515', '2026-027x9', `${en.publicIndicators.period}19524`]);
    fireEvent.change(screen.getByLabelText(en.indicators.from), { target: { value: '2025-06' } });
    fireEvent.change(screen.getByLabelText(en.indicators.to), { target: { value: '2025-12' } });
    fireEvent.click(screen.getByRole('button', { name: en.indicators.show }));
    await waitFor(() => expect(sent.at(-1)?.path).toBe('/api/v1/public/indicators?from=2025-06&to=2025-12'));
    // The answer names the whole quarters it was published for.
    expect(await screen.findByText(en.publicIndicators.quarters.replace('{{from}}', '2026-01').replace('{{to}}', '2026-06'))).toBeTruthy();
    // Each quarter says which edition is shown and when the next comes out, on the day in Kyrgyzstan.
    const editions = within(screen.getByRole('list', { name: en.publicIndicators.editionsList })).getAllByRole('listitem').map((item) => item.textContent);
    expect(editions).toEqual([
      '2026-01 to 2026-03: provisional counts of what happened before May 31, 2026; the final counts come out on March 31, 2028.',
      '2026-04 to 2026-06: not published yet; the first counts come out on August 30, 2026.',
    ]);
  });

  it('says what to check when the API refuses the period', async () => {
    await renderSignedIn(<PublicIndicators />, {
      role: null,
      answer: () => ({ status: 400, body: { statusCode: 400, message: ['to: at most 36 months'], problems: [{ field: 'to', rules: ['at most 36 months'] }] } }),
    });
    expect(await screen.findByText(ky.publicIndicators.failed)).toBeTruthy();
  });
});
