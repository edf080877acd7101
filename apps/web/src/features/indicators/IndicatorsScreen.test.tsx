import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndicatorReportResponse } from '../../api/korgoo-api';
import ru from '../../i18n/locales/ru.json';
import { renderSignedIn, SentRequest } from '../../test/render';
import { indicatorsQuery } from './api';
import { IndicatorsScreen } from './IndicatorsScreen';

const label = (text: string) => ({ ky: `${text} (ky)`, ru: `${text} (ru)`, en: text });

const REPORT: IndicatorReportResponse = {
  from: '2026-01',
  to: '2026-03',
  groupBy: 'centre',
  sheets: [
    {
      group: 'orders',
      title: label('Orders'),
      dimension: { key: 'centre', label: label('Centre') },
      columns: [{ key: 'issued', label: label('Issued') }, { key: 'referred', label: label('Referred') }],
      rows: [{ key: 'naryn-asylzat', values: [12, null] }],
      total: [12, null],
    },
  ],
};

const answer = (request: SentRequest) =>
  request.path.includes('format=') ? { text: 'centre,issued\nnaryn-asylzat,12\n' } : { body: { report: REPORT } };

beforeEach(() => {
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:indicators', revokeObjectURL: () => undefined }));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the indicators screen', () => {
  it('leaves blank filters out of the query', () => {
    expect(indicatorsQuery({ from: '2026-01', to: '2026-03', groupBy: 'month', oblast: ' ', centreId: 'naryn-asylzat' })).toBe(
      'from=2026-01&to=2026-03&groupBy=month&centreId=naryn-asylzat',
    );
  });

  it('shows each indicator table with headers in the reader’s language', async () => {
    await renderSignedIn(<IndicatorsScreen />, { role: 'probation', language: 'ru', answer });
    const table = await screen.findByRole('table', { name: 'Orders (ru)' });
    expect(table.textContent).toContain('Issued (ru)');
    expect(table.textContent).toContain('naryn-asylzat');
    expect(table.textContent).toContain('12');
    expect(table.textContent).toContain('—');
  });

  it('asks again with the chosen grouping, and downloads the CSV in the reader’s language', async () => {
    const { sent } = await renderSignedIn(<IndicatorsScreen />, { role: 'coordinator', language: 'ru', answer });
    await screen.findByRole('table', { name: 'Orders (ru)' });
    fireEvent.change(screen.getByLabelText(ru.indicators.groupBy), { target: { value: 'centre' } });
    fireEvent.click(screen.getByRole('button', { name: ru.indicators.show }));
    await waitFor(() => expect(sent.some((request) => request.path.includes('groupBy=centre'))).toBe(true));

    fireEvent.click(screen.getByRole('button', { name: ru.indicators.download.csv }));
    await waitFor(() => expect(sent.some((request) => request.path.includes('format=csv'))).toBe(true));
    const download = sent.find((request) => request.path.includes('format=csv'))!;
    expect(download.path).toContain('groupBy=centre');
    expect(download.path).toContain('lang=ru');
  });
});
