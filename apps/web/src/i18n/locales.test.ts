import { describe, expect, it } from 'vitest';
import openapi from '../api/openapi.json';
import en from './locales/en.json';
import ky from './locales/ky.json';
import ru from './locales/ru.json';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );

describe('the translations', () => {
  const english = flatten(en);
  it.each([['ky', ky], ['ru', ru]])('%s has exactly the English keys', (_, locale) => {
    expect(Object.keys(flatten(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each([['ky', ky], ['ru', ru]])('%s leaves no English text untranslated', (_, locale) => {
    const untranslated = Object.entries(flatten(locale)).filter(([key, value]) => value === english[key]);
    expect(untranslated).toEqual([]);
  });

  it('says every refusal rule the API names', () => {
    const { rule } = openapi.components.schemas.RefusalBody.properties;
    expect(rule.enum.filter((name) => english[`refusal.${name}`] === undefined)).toEqual([]);
  });

  it('keeps every value non-empty', () => {
    for (const locale of [en, ky, ru]) expect(Object.values(flatten(locale)).filter((value) => !value.trim())).toEqual([]);
  });
});
