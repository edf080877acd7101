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

describe('the API’s refusal of an order, at its fields', () => {
  const RELATIONSHIP = ['married', 'cohabiting', 'formerly_cohabiting', 'dating_never_cohabited', 'other_family_member'];
  const named = (ky: string, ru: string, en: string) => ({ ky, ru, en });
  // The one question of the form as the API defines it, with its options' names.
  const FORM = {
    version: 'test',
    sections: [{ key: 'context', title: named('Кырдаал', 'Обстоятельства', 'Context'), help: named('', '', '') }],
    questions: [{
      key: 'relationship', path: 'context.relationship', section: 'context', kind: 'choice', requirement: 'required',
      text: named('Мамилеси', 'Отношения', 'Relationship'), help: named('', '', ''),
      options: RELATIONSHIP.map((value, i) => ({ value, label: named(`Мамиле ${i + 1}`, `Отношения ${i + 1}`, `Relation ${i + 1}`) })),
    }],
  };
  const allowed = (field: string, values: string[]) => ({
    field, rules: [`${field} must be one of the following values: ${values.join(', ')}`], codes: ['isIn'], params: { isIn: { values } },
  });
  const sexes = 'perpetrator.sex (male) and screening.context.perpetratorSex (female) must agree';
  const refusing = (request: SentRequest) =>
    request.method === 'POST'
      ? {
          status: 400,
          body: {
            statusCode: 400, error: 'Bad Request', message: [],
            problems: [
              { field: 'perpetrator.sex', rules: [sexes], codes: ['sexesAgree'] },
              allowed('perpetrator.language', ['ky', 'ru']),
              allowed('screening.context.relationship', RELATIONSHIP),
            ],
          },
        }
      : { body: FORM };

  it.each([['ky', ky], ['ru', ru]])('in %s, says at the sex and language choices why, and names a screening answer’s values as the form does', async (language, texts) => {
    await renderSignedIn(<OrderForm />, { role: 'police', language, answer: refusing });
    await screen.findByText(FORM.questions[0].text[language as 'ky']);
    fireEvent.click(screen.getByRole('button', { name: texts.order.submit }));

    expect(await screen.findByText(texts.validation.sexesAgree)).toBeTruthy();
    const sex = screen.getByLabelText(texts.order.sex, { selector: '[aria-labelledby="sex-label"]' });
    expect(sex.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(sex.getAttribute('aria-describedby')!)?.textContent).toBe(texts.validation.sexesAgree);
    const languages = `${texts.language.ky}, ${texts.language.ru}`;
    const programmeLanguage = screen.getByLabelText(texts.order.programmeLanguage, { selector: '[aria-labelledby="language-label"]' });
    expect(document.getElementById(programmeLanguage.getAttribute('aria-describedby')!)?.textContent).toBe(texts.validation.isIn_values.replace('{{values}}', languages));
    const relationships = FORM.questions[0].options.map((option) => option.label[language as 'ky']).join(', ');
    expect(screen.getByText(texts.validation.isIn_values.replace('{{values}}', relationships))).toBeTruthy();
    expect(screen.queryByText(/married|cohabiting/)).toBeNull();
  });
});
