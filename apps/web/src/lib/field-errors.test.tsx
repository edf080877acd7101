import { describe, expect, it } from 'vitest';
import openapi from '../api/openapi.json';
import type { FieldProblemBody, OdaraFormResponse } from '../api/korgoo-api';
import { hookValueIn } from '../test/render';
import { ApiProblem } from './api-client';
import { optionNames, useFieldErrors, ValueNames } from './field-errors';

const refused = (...problems: FieldProblemBody[]) => new ApiProblem(400, { statusCode: 400, message: [], problems });

function errorsIn(language: string, error: unknown, named?: ValueNames) {
  return hookValueIn(language, () => useFieldErrors(error, named));
}

// The ODARA form exactly as the risk service defines it and the gateway hands it to the order form (the web app's
// types do not reach the service's sources: the module is typed here by the API's answer).
const riskForm = () => import('../../../risk/src/odara/odara-form' as string) as Promise<{ ODARA_FORM: OdaraFormResponse }>;
const screeningNames = async () => optionNames((await riskForm()).ODARA_FORM.questions, 'screening.');

describe('the gateway’s field problems in the reader’s language', () => {
  const error = refused(
    { field: 'displayName', rules: ['displayName must be shorter than or equal to 200 characters'], codes: ['maxLength'], params: { maxLength: { max: 200 } } },
    { field: 'weekday', rules: ['weekday must not be greater than 7'], codes: ['max'], params: { max: { max: 7 } } },
    { field: 'reason', rules: ['reason must be one of the following values: a, b, c, d, e, f'], codes: ['isIn'], params: { isIn: { values: ['a', 'b', 'c', 'd', 'e', 'f'] } } },
    { field: 'languages', rules: ['languages must contain at least 1 elements'], codes: ['arrayMinSize'] },
  );

  it.each([
    ['ky', 'Эң көп белги саны: 200.', 'Эң чоң мааниси: 7.'],
    ['ru', 'Максимум символов: 200.', 'Наибольшее значение: 7.'],
  ])('says the numbers of each rule in %s', async (language, displayName, weekday) => {
    const errors = await errorsIn(language, error);
    expect(errors.errorAt('displayName')).toBe(displayName);
    expect(errors.errorAt('weekday')).toBe(weekday);
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

describe('allowed values named as the screens name them', () => {
  const allowed = (field: string, ...values: string[]): FieldProblemBody => ({
    field,
    rules: [`${field} must be one of the following values: ${values.join(', ')}`],
    codes: ['isIn'],
    params: { isIn: { values } },
  });
  const error = refused(
    allowed('sex', 'male', 'female'),
    allowed('perpetrator.sex', 'male', 'female'),
    allowed('groupSlots.1.language', 'ky', 'ru'),
    allowed('reason', 'leave', 'holiday', 'other'),
    allowed('channel', 'email', 'sms', 'telegram'),
  );

  // Each field as its own form names the values: a facilitator is a man or a woman, a group slot's language Kyrgyz or Russian.
  const said = {
    ky: {
      sex: 'Булардын бирин тандаңыз: Эркек, Аял.',
      'perpetrator.sex': 'Булардын бирин тандаңыз: Эркек, Аял.',
      'groupSlots.1.language': 'Булардын бирин тандаңыз: Кыргызча, Орусча.',
      reason: 'Булардын бирин тандаңыз: Өргүү, Майрам, Башка себеп.',
    },
    ru: {
      sex: 'Выберите одно из: Мужчина, Женщина.',
      'perpetrator.sex': 'Выберите одно из: Мужской, Женский.',
      'groupSlots.1.language': 'Выберите одно из: Кыргызский, Русский.',
      reason: 'Выберите одно из: Отпуск, Праздник, Другое отсутствие.',
    },
    en: {
      sex: 'Choose one of: Man, Woman.',
      'perpetrator.sex': 'Choose one of: Male, Female.',
      'groupSlots.1.language': 'Choose one of: Kyrgyz, Russian.',
      reason: 'Choose one of: Leave, Holiday, Other absence.',
    },
  };

  it.each(Object.entries(said))('in %s, by the labels of the form the field is on, not by the codes', async (language, fields) => {
    const errors = await errorsIn(language, error);
    for (const [field, sentence] of Object.entries(fields)) {
      expect(errors.errorAt(field)).toBe(sentence);
      expect(errors.errorAt(field)).not.toMatch(/\b(male|female|ky|ru|leave|holiday|other)\b/);
    }
  });

  it('keeps the codes of a field no screen names', async () => {
    expect((await errorsIn('ky', error)).errorAt('channel')).toBe('Булардын бирин тандаңыз: email, sms, telegram.');
    expect((await errorsIn('ru', error)).errorAt('channel')).toBe('Выберите одно из: email, sms, telegram.');
    expect((await errorsIn('en', error)).errorAt('channel')).toBe('channel must be one of the following values: email, sms, telegram');
  });

  // The screening's answers, as the contract's classes list them (OdaraItems and the rest).
  const ITEMS = [
    'priorDomesticAssault', 'priorNonDomesticAssault', 'priorCustody30Days', 'priorConditionalReleaseFailure', 'threatToHarmOrKill',
    'confinement', 'victimFearsFutureAssault', 'moreThanOneChild', 'victimChildFromPriorPartner', 'violenceAgainstOthers',
    'substanceAbuse', 'assaultedVictimWhilePregnant', 'barriersToSupport',
  ];
  const SUBSTANCE = ['alcoholAtIndex', 'drugsAtIndex', 'historyOfUse', 'increasedUse', 'moreViolentWhenUsing', 'substanceRelatedOffence', 'alcoholProblem', 'drugProblem'];
  const BARRIERS = ['childrenInCare', 'noPhone', 'noTransport', 'geographicIsolation', 'ownSubstanceUse'];
  const CRITICAL = ['usedOrThreatenedWeapon', 'threatenedToKill', 'believesMightKill'];
  const FURTHER = ['hasOrCanGetGun', 'triedToChoke', 'violentlyJealousOrControlling', 'separatedAfterLivingTogether', 'unemployed', 'attemptedSuicide', 'childNotTheirs', 'stalksOrThreatens'];

  it.each([
    ['ky', 'Булардын бирин тандаңыз: Ооба, Жок, Белгисиз.', 'Булардын бирин тандаңыз: Ооба, Жок, Жооп берген жок.'],
    ['ru', 'Выберите одно из: Да, Нет, Неизвестно.', 'Выберите одно из: Да, Нет, Не ответил(а).'],
    ['en', 'Choose one of: Yes, No, Unknown.', 'Choose one of: Yes, No, Not answered.'],
  ])('in %s, names a screening answer’s values as the ODARA form’s options name them', async (language, item, danger) => {
    const errors = await errorsIn(language, refused(
      allowed('screening.items.confinement', 'yes', 'no', 'unknown'),
      allowed('screening.immediateDanger.critical.threatenedToKill', 'yes', 'no', 'not_answered'),
    ), await screeningNames());
    expect(errors.errorAt('screening.items.confinement')).toBe(item);
    expect(errors.errorAt('screening.immediateDanger.critical.threatenedToKill')).toBe(danger);
  });

  /** The values a request body of the API allows at a property, as its OpenAPI document lists them. */
  const allowedIn = (schema: string, property: string): string[] => {
    type Property = { enum?: string[]; items?: { enum?: string[] } };
    const { properties } = (openapi.components.schemas as unknown as Record<string, { properties: Record<string, Property> }>)[schema];
    return properties[property].enum ?? properties[property].items?.enum ?? [];
  };
  const sent: [string, string[]][] = [
    ['perpetrator.sex', allowedIn('PerpetratorDetails', 'sex')],
    ['perpetrator.language', allowedIn('PerpetratorDetails', 'language')],
    // The screening travels whole, its shape not in the document: the values are the contract's.
    ['screening.context.perpetratorSex', ['male', 'female']],
    ['screening.context.victimSex', ['male', 'female']],
    ['screening.override.priority', ['urgent', 'high', 'standard']],
    ['screening.context.relationship', ['married', 'cohabiting', 'formerly_cohabiting', 'dating_never_cohabited', 'other_family_member']],
    ['screening.context.indexIncident', ['physical_contact', 'weapon_death_threat', 'other']],
    ...ITEMS.map((item): [string, string[]] => [`screening.items.${item}`, ['yes', 'no', 'unknown']]),
    ...SUBSTANCE.map((item): [string, string[]] => [`screening.substanceIndicators.${item}`, ['yes', 'no', 'unknown']]),
    ...BARRIERS.map((item): [string, string[]] => [`screening.supportBarriers.${item}`, ['yes', 'no', 'unknown']]),
    ...CRITICAL.map((item): [string, string[]] => [`screening.immediateDanger.critical.${item}`, ['yes', 'no', 'not_answered']]),
    ...FURTHER.map((item): [string, string[]] => [`screening.immediateDanger.further.${item}`, ['yes', 'no', 'not_answered']]),
    ['reason', allowedIn('DeclineReferralRequest', 'reason')],
    ['mark', allowedIn('RecordAttendanceRequest', 'mark')],
    ['excuseReason', allowedIn('RecordAttendanceRequest', 'excuseReason')],
    ['outcome', allowedIn('RecordFollowUpRequest', 'outcome')],
    ['reason', allowedIn('CloseProgrammeRequest', 'reason')],
    ['status', allowedIn('CentreStatusBody', 'status')],
    ['groupSlots.0.sex', allowedIn('GroupSlotBody', 'sex')],
    ['groupSlots.0.language', allowedIn('GroupSlotBody', 'language')],
    ['sex', allowedIn('CreateFacilitatorBody', 'sex')],
    ['languages', allowedIn('CreateFacilitatorBody', 'languages')],
    ['reason', allowedIn('AvailabilityExceptionBody', 'reason')],
  ];

  it.each(['ky', 'ru', 'en'])('in %s, names the values of every field the screens send', async (language) => {
    const named = await screeningNames();
    for (const [field, values] of sent) {
      expect(values.length).toBeGreaterThan(1);
      const problem = allowed(field, ...values);
      const said = (await errorsIn(language, refused(problem), named)).errorAt(field);
      // A field no screen names keeps the gateway's sentence in English, the codes in the others' (English names may be the codes: held, missed).
      if (language === 'en') expect(said).not.toBe(problem.rules[0]);
      else expect(said).not.toContain(values.join(', '));
    }
  });
});
