import { ODARA_ITEM_KEYS, type Answer, type CriticalKey, type FurtherKey, type OdaraItemKey, type RoutingPriority } from '@korgoo/contracts';
import { DEFAULT_POLICIES, priorityPolicyFrom, type Bin } from './policies';
import { assessOdara } from './score';
import { ScreeningError, type OdaraScreening, type ScreeningContext } from './screening';
import { aScreening, allItems, errorOf, itemsWith } from './screening-examples';

function withContext(changes: Partial<ScreeningContext>): OdaraScreening {
  const screening = aScreening();
  return { ...screening, context: { ...screening.context, ...changes } };
}

function withDanger(changes: Partial<OdaraScreening['immediateDanger']>): OdaraScreening {
  const screening = aScreening();
  return { ...screening, immediateDanger: { ...screening.immediateDanger, ...changes } };
}

function flagCodes(screening: OdaraScreening): string[] {
  return assessOdara(screening).flags.map((flag) => flag.code);
}

describe('each ODARA item', () => {
  it.each(ODARA_ITEM_KEYS.map((key, index) => [index + 1, key] as const))('item %i (%s) counts 1 when yes', (_n, key) => {
    const assessment = assessOdara(aScreening({ items: { ...allItems('no'), [key]: 'yes' } }));
    expect(assessment.rawScore).toBe(1);
    expect(assessment.finalScore).toBe(1);
    expect(assessment.items.find((item) => item.key === key)).toMatchObject({ answer: 'yes', counted: true, points: 1 });
  });

  it.each(ODARA_ITEM_KEYS.map((key, index) => [index + 1, key] as const))('item %i (%s) counts 0 when no', (_n, key) => {
    const assessment = assessOdara(aScreening({ items: { ...allItems('yes'), [key]: 'no' } }));
    expect(assessment.rawScore).toBe(12);
    expect(assessment.finalScore).toBe(12);
    expect(assessment.items.find((item) => item.key === key)).toMatchObject({ answer: 'no', counted: true, points: 0 });
  });

  it('marks an unknown item as not counted', () => {
    const assessment = assessOdara(aScreening({ items: { ...allItems('no'), confinement: 'unknown' } }));
    expect(assessment.items.find((item) => item.key === 'confinement')).toEqual({ key: 'confinement', answer: 'unknown', counted: false, points: null });
  });

  it('scores derived composites like answered items and records where they came from', () => {
    const items: OdaraScreening['items'] = allItems('no');
    delete items.substanceAbuse;
    delete items.barriersToSupport;
    const assessment = assessOdara(
      aScreening({ items, substanceIndicators: { alcoholAtIndex: 'yes', alcoholProblem: 'yes' }, supportBarriers: { geographicIsolation: 'yes' } }),
    );
    expect(assessment.rawScore).toBe(2);
    expect(assessment.items.filter((item) => item.derivedFrom).map((item) => [item.key, item.derivedFrom])).toEqual([
      ['substanceAbuse', 'substanceIndicators'],
      ['barriersToSupport', 'supportBarriers'],
    ]);
  });
});

describe('unknown items and proration', () => {
  it.each([
    [0, 4, 4],
    [1, 4, 4],
    [2, 4, 5],
    [3, 4, 5],
    [4, 4, 6],
    [5, 4, 7],
    [5, 0, 0],
    [5, 8, 13],
    [3, 10, 13],
  ])('with %i unknown, raw %i is prorated to %i', (unknown, raw, expected) => {
    const items = itemsWith(unknown, 'unknown', 'no');
    ODARA_ITEM_KEYS.slice(unknown, unknown + raw).forEach((key) => (items[key] = 'yes'));
    const assessment = assessOdara(aScreening({ items }));
    expect(assessment).toMatchObject({ status: 'scored', rawScore: raw, unknownCount: unknown, answeredCount: 13 - unknown, finalScore: expected });
  });

  it('scores a screening with exactly 5 unknown items', () => {
    const assessment = assessOdara(aScreening({ items: itemsWith(5, 'unknown') }));
    expect(assessment.status).toBe('scored');
    expect(assessment.finalScore).toBe(0);
    expect(assessment.flags.map((flag) => flag.code)).not.toContain('incompleteScreening');
  });

  it('gives no score to a screening with 6 unknown items, and never guesses one', () => {
    const assessment = assessOdara(aScreening({ items: itemsWith(6, 'unknown', 'yes') }));
    expect(assessment).toMatchObject({ status: 'incomplete', rawScore: 7, unknownCount: 6, answeredCount: 7, finalScore: null, bin: null, norm: null });
  });

  it('flags an incomplete screening, names the unknown items and routes it at least high', () => {
    const assessment = assessOdara(aScreening({ items: itemsWith(6, 'unknown', 'no') }));
    const flag = assessment.flags.find((f) => f.code === 'incompleteScreening');
    expect(flag?.reasons.join(' ')).toContain('6 of 13');
    expect(flag?.reasons.join(' ')).toContain('priorDomesticAssault');
    expect(assessment.priority).toBe('high');
  });

  it('routes an incomplete screening urgent when the answered items alone reach the urgent threshold', () => {
    const assessment = assessOdara(aScreening({ items: itemsWith(6, 'unknown', 'yes') }));
    expect(assessment.rawScore).toBe(7);
    expect(assessment.priority).toBe('urgent');
  });

  it('counts a composite left undecided by its indicators as unknown', () => {
    const items = itemsWith(5, 'unknown');
    delete (items as Partial<typeof items>).substanceAbuse;
    const assessment = assessOdara(aScreening({ items, substanceIndicators: { alcoholAtIndex: 'yes' } }));
    expect(assessment.unknownCount).toBe(6);
    expect(assessment.status).toBe('incomplete');
  });
});

describe('interpretation bins and Ontario norms', () => {
  it.each<[number, Bin, number, number]>([
    [0, '0', 5, 0],
    [1, '1', 10, 11],
    [2, '2', 20, 27],
    [3, '3', 27, 48],
    [4, '4', 41, 67],
    [5, '5-6', 59, 80],
    [6, '5-6', 59, 80],
    [7, '7-13', 70, 93],
    [13, '7-13', 70, 93],
  ])('a score of %i falls in bin %s with %i%% recidivism and %i%% scoring lower', (score, bin, recidivismPercent, percentScoringLower) => {
    const assessment = assessOdara(aScreening({ items: itemsWith(score, 'yes') }));
    expect(assessment.finalScore).toBe(score);
    expect(assessment.bin).toBe(bin);
    expect(assessment.norm).toEqual({
      recidivismPercent,
      percentScoringLower,
      normTableVersion: 'interpreting-odara-risk-scores-1',
      source: expect.stringContaining('not Kyrgyz'),
    });
    expect(assessment.normWithheld).toBeNull();
  });

  it('shows no Ontario norm for a case outside the validated population, and says that none exists for it', () => {
    const assessment = assessOdara(withContext({ perpetratorSex: 'female', victimSex: 'male' }));
    expect(assessment.status).toBe('scored');
    expect(assessment.bin).not.toBeNull();
    expect(assessment.norm).toBeNull();
    expect(assessment.normWithheld).toMatch(/no validated norm exists for this case/);
  });

  it('bins the prorated score, not the raw score', () => {
    const items = itemsWith(5, 'unknown');
    ODARA_ITEM_KEYS.slice(5, 9).forEach((key) => (items[key] = 'yes'));
    const assessment = assessOdara(aScreening({ items }));
    expect([assessment.rawScore, assessment.finalScore, assessment.bin]).toEqual([4, 7, '7-13']);
  });
});

describe('validated population', () => {
  it('raises no eligibility flag for a man who assaulted his wife', () => {
    expect(flagCodes(aScreening())).toEqual([]);
  });

  it.each<[string, Partial<ScreeningContext>, number]>([
    ['a female perpetrator against a male partner', { perpetratorSex: 'female', victimSex: 'male' }, 1],
    ['a same-sex male couple', { perpetratorSex: 'male', victimSex: 'male' }, 1],
    ['a female perpetrator against a female partner (two causes)', { perpetratorSex: 'female', victimSex: 'female' }, 2],
    ['a couple who never lived together', { relationship: 'dating_never_cohabited' }, 1],
    ['violence against another family member', { relationship: 'other_family_member' }, 1],
    ['an incident without contact or a weapon threat', { indexIncident: 'other' }, 1],
    ['every cause at once', { perpetratorSex: 'female', victimSex: 'female', relationship: 'other_family_member', indexIncident: 'other' }, 4],
  ])('flags %s as outside the validated population, one reason per cause', (_case, context, reasonCount) => {
    const assessment = assessOdara(withContext(context));
    const flag = assessment.flags.find((f) => f.code === 'outsideValidatedPopulation');
    expect(flag?.reasons).toHaveLength(reasonCount);
    expect(assessment.status).toBe('scored');
  });

  it.each<[ScreeningContext['relationship']]>([['married'], ['cohabiting'], ['formerly_cohabiting']])('treats %s partners as inside the validated population', (relationship) => {
    expect(flagCodes(withContext({ relationship }))).toEqual([]);
  });

  it('accepts a credible death threat with a weapon as an index incident', () => {
    expect(flagCodes(withContext({ indexIncident: 'weapon_death_threat' }))).toEqual([]);
  });

  it('flags a screening whose police records were not checked', () => {
    expect(flagCodes(withContext({ policeRecordsChecked: false }))).toEqual(['recordsNotChecked']);
  });

  it.each<[keyof ScreeningContext, unknown, ScreeningError['code']]>([
    ['relationship', 'Married', 'invalid_value'],
    ['perpetratorSex', undefined, 'missing_field'],
    ['indexIncident', 'slap', 'invalid_value'],
    ['policeRecordsChecked', 'yes', 'invalid_value'],
  ])('refuses context.%s of %p', (field, value, code) => {
    const screening = withContext({ [field]: value } as Partial<ScreeningContext>);
    const error = errorOf(() => assessOdara(screening));
    expect([error.code, error.field]).toEqual([code, `context.${field}`]);
  });
});

describe('immediate danger (Lethality Assessment Program screen)', () => {
  it('is absent when nothing was answered yes', () => {
    const assessment = assessOdara(aScreening());
    expect(assessment.immediateDanger).toEqual({ present: false, reasons: [] });
    expect(assessment.priority).toBe('standard');
  });

  it.each<[CriticalKey]>([['usedOrThreatenedWeapon'], ['threatenedToKill'], ['believesMightKill']])('is present on a single yes to %s, making the referral urgent', (key) => {
    const assessment = assessOdara(withDanger({ critical: { [key]: 'yes' } }));
    expect(assessment.immediateDanger.present).toBe(true);
    expect(assessment.immediateDanger.reasons).toHaveLength(1);
    expect(assessment.priority).toBe('urgent');
    expect(assessment.acknowledgeWithinHours).toBe(1);
  });

  it.each<[CriticalKey, 'no' | 'not_answered']>([
    ['usedOrThreatenedWeapon', 'no'],
    ['threatenedToKill', 'not_answered'],
  ])('is absent when %s is %s', (key, answer) => {
    expect(assessOdara(withDanger({ critical: { [key]: answer } })).immediateDanger.present).toBe(false);
  });

  const further: FurtherKey[] = ['hasOrCanGetGun', 'triedToChoke', 'violentlyJealousOrControlling', 'separatedAfterLivingTogether', 'unemployed', 'attemptedSuicide', 'childNotTheirs', 'stalksOrThreatens'];
  it.each<[number, boolean]>([
    [0, false],
    [3, false],
    [4, true],
    [8, true],
  ])('with %i further yes answers is present: %p', (count, present) => {
    const answers = Object.fromEntries(further.map((key, i) => [key, i < count ? 'yes' : 'no']));
    const assessment = assessOdara(withDanger({ further: answers }));
    expect(assessment.immediateDanger.present).toBe(present);
    expect(assessment.priority).toBe(present ? 'urgent' : 'standard');
  });

  it('does not count unanswered further questions as yes', () => {
    const answers = Object.fromEntries(further.map((key, i) => [key, i < 3 ? 'yes' : 'not_answered']));
    expect(assessOdara(withDanger({ further: answers })).immediateDanger.present).toBe(false);
  });

  it('is present when the officer believes the victim is in high danger', () => {
    const assessment = assessOdara(withDanger({ officerBelievesHighDanger: true }));
    expect(assessment.immediateDanger.present).toBe(true);
    expect(assessment.priority).toBe('urgent');
  });

  it('gives one reason per trigger', () => {
    const answers = Object.fromEntries(further.map((key) => [key, 'yes']));
    const assessment = assessOdara(withDanger({ critical: { threatenedToKill: 'yes', believesMightKill: 'yes' }, further: answers, officerBelievesHighDanger: true }));
    expect(assessment.immediateDanger.reasons).toHaveLength(4);
  });

  it('refuses an answer that is not yes, no or not_answered', () => {
    const error = errorOf(() => assessOdara(withDanger({ critical: { threatenedToKill: 'unknown' as never } })));
    expect([error.code, error.field]).toEqual(['invalid_value', 'immediateDanger.critical.threatenedToKill']);
  });
});

describe('routing priority', () => {
  it.each<[number, RoutingPriority, number]>([
    [0, 'standard', 24],
    [3, 'standard', 24],
    [4, 'high', 4],
    [6, 'high', 4],
    [7, 'urgent', 1],
    [13, 'urgent', 1],
  ])('a score of %i is %s, to be acknowledged within %i hours', (score, priority, hours) => {
    const assessment = assessOdara(aScreening({ items: itemsWith(score, 'yes') }));
    expect([assessment.priority, assessment.acknowledgeWithinHours]).toEqual([priority, hours]);
    expect(assessment.priorityReasons.join(' ')).toContain(`ODARA score ${score}`);
  });

  it('follows a configured priority policy and records its version', () => {
    const priority = priorityPolicyFrom({ version: 'priority-osh-pilot', highFromScore: 3, urgentFromScore: 5 });
    const assessment = assessOdara(aScreening({ items: itemsWith(5, 'yes') }), { ...DEFAULT_POLICIES, priority });
    expect(assessment.priority).toBe('urgent');
    expect(assessment.policyVersions).toEqual({ proration: 'proportional-2026.1', normTable: 'interpreting-odara-risk-scores-1', priority: 'priority-osh-pilot' });
  });

  it('records the versions of the default policies', () => {
    expect(assessOdara(aScreening()).policyVersions).toEqual({ proration: 'proportional-2026.1', normTable: 'interpreting-odara-risk-scores-1', priority: 'priority-2026.1' });
  });
});

describe('officer override', () => {
  it.each<[number, RoutingPriority, RoutingPriority]>([
    [0, 'high', 'high'],
    [0, 'urgent', 'urgent'],
    [4, 'urgent', 'urgent'],
  ])('raises a score-%i referral to %s', (score, override, expected) => {
    const assessment = assessOdara(aScreening({ items: itemsWith(score, 'yes'), override: { priority: override } }));
    expect(assessment.priority).toBe(expected);
    expect(assessment.flags).toContainEqual({ code: 'officerOverride', reasons: [`Raised to ${override} by the officer.`] });
    expect(assessment.acknowledgeWithinHours).toBe(DEFAULT_POLICIES.priority.ackDeadlineHours[expected]);
  });

  it.each<[number, RoutingPriority, RoutingPriority]>([
    [7, 'standard', 'urgent'],
    [7, 'high', 'urgent'],
    [4, 'standard', 'high'],
    [4, 'high', 'high'],
    [0, 'standard', 'standard'],
  ])('never lowers: a score-%i referral overridden to %s stays %s, with the refusal recorded', (score, override, expected) => {
    const assessment = assessOdara(aScreening({ items: itemsWith(score, 'yes'), override: { priority: override } }));
    expect(assessment.priority).toBe(expected);
    expect(assessment.flags.map((flag) => flag.code)).not.toContain('officerOverride');
    expect(assessment.priorityReasons.join(' ')).toMatch(/ignored/);
  });

  it('cannot lower immediate danger', () => {
    const screening = withDanger({ critical: { usedOrThreatenedWeapon: 'yes' } });
    const assessment = assessOdara({ ...screening, override: { priority: 'standard' } });
    expect(assessment.priority).toBe('urgent');
  });

  it('never copies the reason an older message may still carry: it stays with the order', () => {
    const legacy = { priority: 'urgent', reason: 'Victim hiding at a neighbour' } as { priority: RoutingPriority };
    expect(JSON.stringify(assessOdara(aScreening({ override: legacy })))).not.toContain('neighbour');
  });

  it('refuses an unknown priority', () => {
    const error = errorOf(() => assessOdara(aScreening({ override: { priority: 'critical' as RoutingPriority } })));
    expect([error.code, error.field]).toEqual(['invalid_value', 'override.priority']);
  });
});

describe('screening errors', () => {
  it('names the missing item so the caller can answer 400 with the field', () => {
    const items: Partial<Record<OdaraItemKey, Answer>> = allItems('no');
    delete items.confinement;
    const error = errorOf(() => assessOdara(aScreening({ items })));
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ScreeningError', code: 'missing_item', field: 'items.confinement' });
  });

  it('refuses a screening without immediate-danger answers', () => {
    const screening = { ...aScreening(), immediateDanger: undefined } as unknown as OdaraScreening;
    expect(errorOf(() => assessOdara(screening)).field).toBe('immediateDanger');
  });
});
