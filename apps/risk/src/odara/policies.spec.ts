import {
  DEFAULT_PRIORITY_POLICY,
  INTERPRETING_ODARA_RISK_SCORES,
  PROPORTIONAL_PRORATION_V1,
  PolicyError,
  priorityPolicyFrom,
  type PriorityPolicyChanges,
} from './policies';

describe('proportional proration', () => {
  it.each([
    [0, 13, 0],
    [5, 13, 5],
    [13, 13, 13],
    [1, 12, 1],
    [6, 12, 7],
    [4, 11, 5],
    [4, 10, 5],
    [4, 9, 6],
    [4, 8, 7],
    [1, 8, 2],
    [8, 8, 13],
  ])('prorates raw %i over %i answered items to %i', (raw, answered, expected) => {
    expect(PROPORTIONAL_PRORATION_V1.prorate(raw, answered)).toBe(expected);
  });

  it.each([
    [-1, 13],
    [5, 4],
    [1, 0],
    [1.5, 12],
    [2, 14],
  ])('refuses to prorate raw %p over %p answered items', (raw, answered) => {
    expect(() => PROPORTIONAL_PRORATION_V1.prorate(raw, answered)).toThrow(RangeError);
  });

  it('is named and versioned', () => {
    expect(PROPORTIONAL_PRORATION_V1.version).toBe('proportional-2026.1');
    expect(PROPORTIONAL_PRORATION_V1.name).toMatch(/licensed/);
  });
});

describe('Ontario norm table', () => {
  it('covers every score from 0 to 13 exactly once', () => {
    for (let score = 0; score <= 13; score++) {
      expect(INTERPRETING_ODARA_RISK_SCORES.bins.filter((bin) => score >= bin.min && score <= bin.max)).toHaveLength(1);
    }
  });

  it('cites the published interpretation table and says the norms are Ontario, not Kyrgyz', () => {
    expect(INTERPRETING_ODARA_RISK_SCORES.source).toMatch(/"Interpreting ODARA Risk Scores" table/);
    expect(INTERPRETING_ODARA_RISK_SCORES.source).toMatch(/Ontario norms, not Kyrgyz/);
    expect(INTERPRETING_ODARA_RISK_SCORES.source).not.toMatch(/Hilton/);
    expect(INTERPRETING_ODARA_RISK_SCORES.version).toBe('interpreting-odara-risk-scores-1');
  });

  it('holds the published figures per bin: recidivism and the share scoring lower', () => {
    expect(INTERPRETING_ODARA_RISK_SCORES.bins.map((b) => [b.bin, b.recidivismPercent, b.percentScoringLower])).toEqual([
      ['0', 5, 0],
      ['1', 10, 11],
      ['2', 20, 27],
      ['3', 27, 48],
      ['4', 41, 67],
      ['5-6', 59, 80],
      ['7-13', 70, 93],
    ]);
  });

  it('cannot be changed by whoever imports it', () => {
    expect(() => {
      (INTERPRETING_ODARA_RISK_SCORES.bins[0] as { recidivismPercent: number }).recidivismPercent = 1;
    }).toThrow(TypeError);
  });
});

describe('priority policy', () => {
  it('defaults to urgent from 7, high from 4, and 1 / 4 / 24 hours to acknowledge', () => {
    expect(DEFAULT_PRIORITY_POLICY).toEqual({
      version: 'priority-2026.1',
      urgentFromScore: 7,
      highFromScore: 4,
      ackDeadlineHours: { urgent: 1, high: 4, standard: 24 },
    });
  });

  it('builds a new versioned policy, keeping what was not changed', () => {
    const policy = priorityPolicyFrom({ version: 'priority-2026.2', highFromScore: 3, ackDeadlineHours: { standard: 48 } });
    expect(policy).toEqual({
      version: 'priority-2026.2',
      urgentFromScore: 7,
      highFromScore: 3,
      ackDeadlineHours: { urgent: 1, high: 4, standard: 48 },
    });
    expect(DEFAULT_PRIORITY_POLICY.highFromScore).toBe(4);
  });

  it('accepts the default numbers under the default version', () => {
    expect(priorityPolicyFrom({ version: 'priority-2026.1' })).toEqual(DEFAULT_PRIORITY_POLICY);
  });

  it.each<[string, PriorityPolicyChanges, string]>([
    ['a blank version', { version: ' ' }, 'version'],
    ['reusing a version for other numbers', { version: 'priority-2026.1', urgentFromScore: 8 }, 'version'],
    ['a fractional threshold', { version: 'v', urgentFromScore: 6.5 }, 'urgentFromScore'],
    ['a threshold above 13', { version: 'v', urgentFromScore: 14 }, 'urgentFromScore'],
    ['a negative threshold', { version: 'v', highFromScore: -1 }, 'highFromScore'],
    ['a threshold that is not a number', { version: 'v', highFromScore: Number.NaN }, 'highFromScore'],
    ['high above urgent', { version: 'v', highFromScore: 8 }, 'highFromScore'],
    ['a zero deadline', { version: 'v', ackDeadlineHours: { urgent: 0 } }, 'ackDeadlineHours.urgent'],
    ['an infinite deadline', { version: 'v', ackDeadlineHours: { standard: Number.POSITIVE_INFINITY } }, 'ackDeadlineHours.standard'],
    ['urgent waiting longer than high', { version: 'v', ackDeadlineHours: { urgent: 6 } }, 'ackDeadlineHours'],
  ])('refuses %s', (_case, changes, field) => {
    expect(() => priorityPolicyFrom(changes)).toThrow(PolicyError);
    try {
      priorityPolicyFrom(changes);
    } catch (error) {
      expect((error as PolicyError).field).toBe(field);
    }
  });
});
