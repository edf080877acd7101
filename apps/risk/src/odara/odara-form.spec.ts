import fc from 'fast-check';
import { ODARA_FORM } from './odara-form';
import {
  LANGUAGES,
  IMMEDIATE_DANGER_CRITICAL_KEYS,
  IMMEDIATE_DANGER_FURTHER_KEYS,
  ODARA_ITEM_KEYS,
  SUBSTANCE_INDICATOR_KEYS,
  SUPPORT_BARRIER_KEYS,
} from '@korgoo/contracts';

const paths = ODARA_FORM.questions.map((question) => question.path);

describe('the ODARA screening form', () => {
  it('is versioned', () => {
    expect(ODARA_FORM.version).toBe('odara-form-2026.1');
  });

  it.each([
    ...ODARA_ITEM_KEYS.map((key) => `items.${key}`),
    ...SUBSTANCE_INDICATOR_KEYS.map((key) => `substanceIndicators.${key}`),
    ...SUPPORT_BARRIER_KEYS.map((key) => `supportBarriers.${key}`),
    ...IMMEDIATE_DANGER_CRITICAL_KEYS.map((key) => `immediateDanger.critical.${key}`),
    ...IMMEDIATE_DANGER_FURTHER_KEYS.map((key) => `immediateDanger.further.${key}`),
    'context.perpetratorSex',
    'context.victimSex',
    'context.relationship',
    'context.indexIncident',
    'context.policeRecordsChecked',
    'immediateDanger.officerBelievesHighDanger',
    'immediateDanger.officerConcern',
    'override.priority',
    'override.reason',
  ])('asks %s', (path) => {
    expect(paths).toContain(path);
  });

  it('asks each question once', () => {
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toHaveLength(13 + 8 + 5 + 5 + 3 + 8 + 4);
  });

  it('numbers the 13 items in instrument order', () => {
    const items = ODARA_FORM.questions.filter((question) => question.itemNumber !== undefined);
    expect(items.map((question) => [question.itemNumber, question.key])).toEqual(ODARA_ITEM_KEYS.map((key, i) => [i + 1, key]));
  });

  it('places every question in a declared section', () => {
    const sections = new Set(ODARA_FORM.sections.map((section) => section.key));
    for (const question of ODARA_FORM.questions) expect(sections).toContain(question.section);
  });

  it('offers unknown on ODARA items and not_answered on danger questions', () => {
    for (const question of ODARA_FORM.questions) {
      const values = question.options.map((option) => option.value);
      if (question.kind === 'answer') expect(values).toEqual(['yes', 'no', 'unknown']);
      if (question.kind === 'dangerAnswer') expect(values).toEqual(['yes', 'no', 'not_answered']);
      if (question.kind === 'text') expect(values).toEqual([]);
    }
  });

  it('has non-empty Kyrgyz, Russian and English text and help for every question and option', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ODARA_FORM.questions), fc.constantFrom(...LANGUAGES), (question, language) => {
        expect(question.text[language].trim()).not.toBe('');
        expect(question.help[language].trim()).not.toBe('');
        for (const option of question.options) expect(option.label[language].trim()).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('has non-empty titles and help for every section in every language', () => {
    for (const section of ODARA_FORM.sections) {
      for (const language of LANGUAGES) {
        expect(section.title[language].trim()).not.toBe('');
        expect(section.help[language].trim()).not.toBe('');
      }
    }
  });

  const kyrgyzTexts = [
    ...ODARA_FORM.sections.flatMap((s) => [s.title.ky, s.help.ky]),
    ...ODARA_FORM.questions.flatMap((q) => [q.text.ky, q.help.ky, ...q.options.map((o) => o.label.ky)]),
  ];

  it('writes Kyrgyz in Cyrillic, with Latin only for the name ODARA', () => {
    for (const text of kyrgyzTexts) expect(text.replace(/ODARA/g, '')).not.toMatch(/[A-Za-z]/);
  });

  it('uses the Kyrgyz letters ң, ө and ү', () => {
    const all = kyrgyzTexts.join(' ');
    for (const letter of ['ң', 'ө', 'ү']) expect(all).toContain(letter);
  });

  it('does not leave Russian text in the Kyrgyz or English fields', () => {
    for (const question of ODARA_FORM.questions) {
      expect(question.text.ky).not.toBe(question.text.ru);
      expect(question.text.en).not.toMatch(/[А-Яа-яЁё]/);
      expect(question.help.en).not.toMatch(/[А-Яа-яЁё]/);
    }
  });

  it('writes Russian in Cyrillic, with Latin only for the name ODARA', () => {
    for (const question of ODARA_FORM.questions) {
      expect(`${question.text.ru} ${question.help.ru}`.replace(/ODARA/g, '')).not.toMatch(/[A-Za-z]/);
      expect(`${question.text.ru} ${question.help.ru}`).not.toMatch(/[ңөү]/);
    }
  });
});
