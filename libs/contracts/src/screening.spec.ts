import { ContractViolation, parseContract } from './contract-violation';
import { envelopeContract } from './envelope';
import { OrderRegisteredV1 } from './events';
import { OdaraScreeningContract } from './screening';
import { IN_POPULATION_CONTEXT, NO_DANGER_SIGNS } from './screening.spec-fixture';

function screening(overrides: Record<string, unknown> = {}, items: Record<string, unknown> = {}) {
  return {
    items: {
      priorDomesticAssault: 'yes',
      priorNonDomesticAssault: 'no',
      priorCustody30Days: 'no',
      priorConditionalReleaseFailure: 'no',
      threatToHarmOrKill: 'no',
      confinement: 'no',
      victimFearsFutureAssault: 'yes',
      moreThanOneChild: 'no',
      victimChildFromPriorPartner: 'no',
      violenceAgainstOthers: 'no',
      substanceAbuse: 'no',
      assaultedVictimWhilePregnant: 'no',
      barriersToSupport: 'no',
      ...items,
    },
    context: { ...IN_POPULATION_CONTEXT },
    immediateDanger: { ...NO_DANGER_SIGNS },
    ...overrides,
  };
}

function problems(plain: unknown): string[] {
  try {
    parseContract(OdaraScreeningContract, plain);
    return [];
  } catch (error) {
    return (error as ContractViolation).problems.map((p) => `${p.field}: ${p.rules.join('; ')}`);
  }
}

describe('the ODARA screening contract', () => {
  it('accepts a complete screening', () => {
    expect(problems(screening())).toEqual([]);
  });

  it.each([
    ['a wrong answer', screening({}, { confinement: 'maybe' }), 'items.confinement'],
    ['a missing item', screening({}, { confinement: undefined }), 'items.confinement'],
    ['an unknown key', screening({ nickname: 'x' }), 'nickname'],
    ['an unknown item', screening({}, { weather: 'yes' }), 'items.weather'],
    ['a missing context', screening({ context: undefined }), 'context'],
    ['free text in the event (it stays with the order)', screening({ override: { priority: 'urgent', reason: 'seen nearby' } }), 'override.reason'],
  ])('names the field for %s', (_, plain, field) => {
    expect(problems(plain).some((p) => p.startsWith(`${field}:`))).toBe(true);
  });

  it('takes item 11 from its indicators when the item is left out', () => {
    const plain = screening({ substanceIndicators: { alcoholAtIndex: 'yes', alcoholProblem: 'yes' } }, { substanceAbuse: undefined });
    expect(problems(plain)).toEqual([]);
  });

  it('requires item 13 or its barriers', () => {
    expect(problems(screening({}, { barriersToSupport: undefined }))).toEqual([
      'items: items.barriersToSupport is required unless supportBarriers are given',
    ]);
  });

  it('refuses an item that contradicts indicators that settle it', () => {
    const plain = screening({ supportBarriers: { noPhone: 'yes' } }, { barriersToSupport: 'no' });
    expect(problems(plain)).toEqual(['items: items.barriersToSupport is no but supportBarriers make it yes']);
  });

  it('lets the item stand while unknown indicators could still change it', () => {
    const plain = screening({ substanceIndicators: { alcoholAtIndex: 'yes', drugsAtIndex: 'unknown' } }, { substanceAbuse: 'yes' });
    expect(problems(plain)).toEqual([]);
  });
});

describe('event envelopes', () => {
  it('are one class per payload, so validating many events registers no new metadata', () => {
    expect(envelopeContract(OrderRegisteredV1)).toBe(envelopeContract(OrderRegisteredV1));
  });
});
