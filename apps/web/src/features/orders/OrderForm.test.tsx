import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ky from '../../i18n/locales/ky.json';
import ru from '../../i18n/locales/ru.json';
import { renderSignedIn, SentRequest } from '../../test/render';
import { OrderForm } from './OrderForm';

const EMPTY_FORM = { version: 'test', sections: [], questions: [] };

const api = (request: SentRequest) =>
  request.method === 'POST'
    ? { status: 201, body: { orderId: 'o-1', orderNumber: (request.body as { orderNumber: string }).orderNumber } }
    : { body: EMPTY_FORM };

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});

/** Focuses the picker and lets the list it opens settle, as it has by the time a person starts typing. */
async function focusPicker(name: string): Promise<HTMLInputElement> {
  const picker = await screen.findByRole<HTMLInputElement>('combobox', { name });
  act(() => picker.focus());
  await act(() => new Promise((settled) => setTimeout(settled)));
  return picker;
}

const sentOrder = (sent: SentRequest[]) => sent.find((request) => request.method === 'POST')?.body as { perpetrator: { location: unknown } };

describe('the settlement on the order form', () => {
  it('finds Өзгөн from its Russian spelling and chooses it with the keyboard', async () => {
    const { sent } = await renderSignedIn(<OrderForm />, { role: 'police', answer: api });
    const picker = await focusPicker(ky.order.settlement);
    fireEvent.change(picker, { target: { value: 'Узг' } });
    await screen.findByRole('option', { name: /Өзгөн \(Узген\)/ });
    fireEvent.keyDown(picker, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(picker.value).toBe('Өзгөн (Узген)'));
    fireEvent.click(screen.getByRole('button', { name: ky.order.submit }));
    await waitFor(() => expect(sentOrder(sent)).toBeDefined());
    expect(sentOrder(sent).perpetrator.location).toEqual({ settlementCode: 'uzgen' });
  });

  it('moves through the matches with the arrow keys and names each one’s oblast', async () => {
    const { sent } = await renderSignedIn(<OrderForm />, { role: 'police', language: 'ru', answer: api });
    const picker = await focusPicker(ru.order.settlement);
    fireEvent.change(picker, { target: { value: 'кара' } });
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      `Кара-Балта${ru.oblast.Chuy}`,
      `Кара-Суу${ru.oblast.Osh}`,
      `Каракол${ru.oblast['Issyk-Kul']}`,
      `Кара-Буура${ru.oblast.Talas}`,
    ]);
    fireEvent.keyDown(picker, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(picker, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(picker.value).toBe('Кара-Суу'));
    fireEvent.click(screen.getByRole('button', { name: ru.order.submit }));
    await waitFor(() => expect(sentOrder(sent).perpetrator.location).toEqual({ settlementCode: 'kara-suu' }));
  });

  it('says when no settlement has that name', async () => {
    await renderSignedIn(<OrderForm />, { role: 'police', answer: api });
    const picker = await focusPicker(ky.order.settlement);
    fireEvent.change(picker, { target: { value: 'Москва' } });
    expect(await screen.findByText(ky.order.settlementNone)).toBeTruthy();
  });
});
