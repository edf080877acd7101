import { renderHook } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import type { FieldProblemBody } from '../api/korgoo-api';
import { ApiProblem } from './api-client';
import { useFieldErrors } from './field-errors';

const refused = (...problems: FieldProblemBody[]) => new ApiProblem(400, { statusCode: 400, message: [], problems });

async function errorsIn(language: string, error: unknown) {
  await i18n.changeLanguage(language);
  const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
  return renderHook(() => useFieldErrors(error), { wrapper }).result.current;
}

describe('the gateway’s field problems in the reader’s language', () => {
  const error = refused(
    { field: 'displayName', rules: ['displayName must be shorter than or equal to 200 characters'], codes: ['maxLength'], params: { maxLength: { max: 200 } } },
    { field: 'weekday', rules: ['weekday must not be greater than 7'], codes: ['max'], params: { max: { max: 7 } } },
    { field: 'sex', rules: ['sex must be one of the following values: male, female'], codes: ['isIn'], params: { isIn: { values: ['male', 'female'] } } },
    { field: 'reason', rules: ['reason must be one of the following values: a, b, c, d, e, f'], codes: ['isIn'], params: { isIn: { values: ['a', 'b', 'c', 'd', 'e', 'f'] } } },
    { field: 'languages', rules: ['languages must contain at least 1 elements'], codes: ['arrayMinSize'] },
  );

  it('says the numbers and the few allowed values of each rule in Kyrgyz and Russian', async () => {
    const ky = await errorsIn('ky', error);
    expect(ky.errorAt('displayName')).toBe('Эң көп белги саны: 200.');
    expect(ky.errorAt('weekday')).toBe('Эң чоң мааниси: 7.');
    expect(ky.errorAt('sex')).toBe('Булардын бирин тандаңыз: male, female.');
    const ru = await errorsIn('ru', error);
    expect(ru.errorAt('displayName')).toBe('Максимум символов: 200.');
    expect(ru.errorAt('weekday')).toBe('Наибольшее значение: 7.');
    expect(ru.errorAt('sex')).toBe('Выберите одно из: male, female.');
  });

  it('leaves a long list of allowed values to the field, and says a rule without numbers by its name alone', async () => {
    const ky = await errorsIn('ky', error);
    expect(ky.errorAt('reason')).toBe('Тизмеден тандаңыз.');
    expect(ky.errorAt('languages')).toBe('Тандалгандары өтө аз.');
  });

  it('gives English readers the gateway’s own sentence', async () => {
    expect((await errorsIn('en', error)).errorAt('weekday')).toBe('weekday must not be greater than 7');
  });
});
