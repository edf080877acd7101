import { assessFeasibility } from '../../capacity/feasibility';
import { bishkekInstant } from '../../capacity/bishkek-time';
import { DEMO_DIRECTORY, demoCentreCapacity, TRAINING } from './demo-directory';
import { REPORT_DIRECTORY } from './report-directory';

const everyone = REPORT_DIRECTORY.flatMap((c) => c.facilitators);
const active = everyone.filter((f) => f.active);
const trainedIn = (date: string) => everyone.filter((f) => f.certifiedOn?.toISOString().slice(0, 10) === date);

describe('REPORT_DIRECTORY: the demo directory sized to what the report observes', () => {
  it('runs sessions at 8 centres the report names, in their towns, Теңдеш in Naryn', () => {
    expect(REPORT_DIRECTORY).toHaveLength(8);
    const named = new Map(DEMO_DIRECTORY.map((c) => [c.id, `${c.settlementCode}:${c.name}`]));
    for (const c of REPORT_DIRECTORY) expect(`${c.settlementCode}:${c.name}`).toBe(named.get(c.id));
    expect(REPORT_DIRECTORY.find((c) => c.name === 'Теңдеш')?.settlementCode).toBe('naryn');
    expect(new Set(everyone.map((f) => f.id)).size).toBe(everyone.length);
    for (const c of REPORT_DIRECTORY) expect(new Set(c.facilitators.map((f) => f.displayName)).size).toBe(c.facilitators.length);
  });

  it('lists the trained cohorts at their sizes: 8, 16, 14, 16 and 7 gender-balanced pairs', () => {
    expect(trainedIn(TRAINING.bishkekPsychologists2021)).toHaveLength(8);
    expect(trainedIn(TRAINING.oshCityAndOblast2022)).toHaveLength(16);
    expect(trainedIn(TRAINING.issykKul2023)).toHaveLength(14);
    expect(trainedIn(TRAINING.batken2024)).toHaveLength(16);
    const pairs = trainedIn(TRAINING.genderBalancedPairs2023);
    expect(pairs.filter((f) => f.sex === 'male')).toHaveLength(7);
    expect(pairs.filter((f) => f.sex === 'female')).toHaveLength(7);
  });

  it('has about 50 of them still running sessions, men the scarcer', () => {
    expect(active.length).toBeGreaterThanOrEqual(45);
    expect(active.length).toBeLessThanOrEqual(55);
    expect(active.filter((f) => f.sex === 'male').length).toBeLessThan(active.length / 3);
  });

  it('offers programmes in the order of magnitude the report observes (about 125 a year), not ten times more', () => {
    // A programme takes a pair for 2 individual sessions and shares 2 group sessions: about 2.25 pair-sessions.
    let pairSessionsPerWeek = 0;
    for (const c of REPORT_DIRECTORY) {
      const blocks = new Map<string, { men: number; women: number }>();
      for (const f of c.facilitators.filter((x) => x.active)) {
        for (const w of f.weekly) {
          const key = `${w.weekday} ${w.start}`;
          const block = blocks.get(key) ?? { men: 0, women: 0 };
          block[f.sex === 'male' ? 'men' : 'women']++;
          blocks.set(key, block);
        }
      }
      for (const { men, women } of blocks.values()) pairSessionsPerWeek += Math.min(men, women);
    }
    const programmesPerYear = (pairSessionsPerWeek * 52) / 2.25;
    expect(programmesPerYear).toBeGreaterThan(60);
    expect(programmesPerYear).toBeLessThan(400);
  });

  it('lets every centre plan the programme for a Kyrgyz-speaking man on an empty calendar', () => {
    const request = {
      participantSex: 'male' as const,
      language: 'ky' as const,
      notBefore: bishkekInstant('2026-12-07T09:00'),
      mustFinishBy: bishkekInstant('2027-01-06T18:00'),
    };
    for (const c of REPORT_DIRECTORY) expect([c.id, assessFeasibility(demoCentreCapacity(c), request).feasible]).toEqual([c.id, true]);
  });
});
