import { assessFeasibility } from '../../capacity/feasibility';
import { bishkekInstant } from '../../capacity/bishkek-time';
import { settlementByCode } from '../../travel/kg-gazetteer';
import { groupSlotProblems, outreachPointProblems } from '../directory-rules';
import { DEMO_DIRECTORY, demoCentreCapacity } from './demo-directory';

const facilitators = DEMO_DIRECTORY.flatMap((c) => c.facilitators);
const maleRequest = {
  participantSex: 'male' as const,
  language: 'ky' as const,
  notBefore: bishkekInstant('2026-12-07T09:00'),
  mustFinishBy: bishkekInstant('2027-01-06T18:00'),
};

describe('DEMO_DIRECTORY', () => {
  it("declares a valid weekly men's group slot at every centre with an active man, its pair of the centre", () => {
    for (const c of DEMO_DIRECTORY) {
      expect(groupSlotProblems(c.groupSlots, new Map(c.facilitators.map((f) => [f.id, f])))).toEqual([]);
      const hasMan = c.facilitators.some((f) => f.sex === 'male' && f.active);
      expect(c.groupSlots.some((s) => s.sex === 'male' && s.language === 'ky')).toBe(hasMan);
    }
  });

  it('declares valid outreach points in district towns beyond the reach of every centre', () => {
    const points = DEMO_DIRECTORY.flatMap((c) => c.outreachPoints.map((p) => ({ centre: c, point: p })));
    expect(points.map(({ point }) => point.settlementCode).sort()).toEqual(['bokonbaevo', 'kerben']);
    for (const { centre, point } of points) {
      expect(outreachPointProblems([point], new Map(centre.facilitators.map((f) => [f.id, f])), centre.groupSlots)).toEqual([]);
      expect(DEMO_DIRECTORY.some((c) => c.settlementCode === point.settlementCode)).toBe(false);
    }
  });

  it('has stable unique slugs for centres and facilitators', () => {
    const centreIds = DEMO_DIRECTORY.map((c) => c.id);
    expect(new Set(centreIds).size).toBe(centreIds.length);
    for (const id of centreIds) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const facilitatorIds = facilitators.map((f) => f.id);
    expect(new Set(facilitatorIds).size).toBe(facilitatorIds.length);
  });

  it('names the centres of the report', () => {
    const names = DEMO_DIRECTORY.map((c) => `${c.settlementCode}:${c.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'bishkek:Шанс',
        'bishkek:Сезим',
        'bishkek:Аялзат',
        'bishkek:Аялдарга жардам берүү борбору',
        'osh:Ак-Жүрөк',
        'osh:Гармония',
        'osh:Жаңы ритм',
        'naryn:Асылзат',
        'naryn:Пир Соломон',
        'karakol:Мээрман',
        'karakol:Аялзат',
        'naryn:Теңдеш',
      ]),
    );
    expect(DEMO_DIRECTORY.filter((c) => c.municipal).map((c) => c.id).sort()).toEqual(['bishkek-ayalzat', 'naryn-asylzat']);
  });

  it('places every centre on its gazetteer settlement, in every oblast but Jalal-Abad, where the report names none', () => {
    for (const c of DEMO_DIRECTORY) {
      const place = settlementByCode(c.settlementCode);
      expect([c.lat, c.lng, c.oblast]).toEqual([place.lat, place.lng, place.oblast]);
    }
    expect(new Set(DEMO_DIRECTORY.map((c) => c.oblast))).toEqual(
      new Set(['Bishkek city', 'Osh city', 'Naryn', 'Issyk-Kul', 'Talas', 'Batken']),
    );
  });

  it('is open, with group capacity 6-10 and an inbox as the only channel', () => {
    for (const c of DEMO_DIRECTORY) {
      expect(c.status).toBe('open');
      expect(c.groupCapacity).toBeGreaterThanOrEqual(6);
      expect(c.groupCapacity).toBeLessThanOrEqual(10);
      expect(c.contactChannels).toEqual([{ kind: 'inbox', address: `inbox:${c.id}` }]);
    }
  });

  it('has about 50 fictional facilitators, 2-6 per centre, fewer men than women', () => {
    expect(facilitators.length).toBeGreaterThanOrEqual(45);
    expect(facilitators.length).toBeLessThanOrEqual(55);
    for (const c of DEMO_DIRECTORY) {
      expect(c.facilitators.length).toBeGreaterThanOrEqual(2);
      expect(c.facilitators.length).toBeLessThanOrEqual(6);
    }
    const men = facilitators.filter((f) => f.sex === 'male').length;
    expect(men).toBeLessThan(facilitators.length / 2);
    for (const f of facilitators) expect(f.displayName).toMatch(/^Facilitator [A-Z][a-z]?\.[A-Z][a-z]?\.$/);
  });

  it('dates certifications within the 2021-2024 trainings', () => {
    for (const f of facilitators) {
      if (f.certifiedOn === null) continue;
      expect(f.certifiedOn.getTime()).toBeGreaterThanOrEqual(bishkekInstant('2021-01-01').getTime());
      expect(f.certifiedOn.getTime()).toBeLessThan(bishkekInstant('2025-01-01').getTime());
    }
  });

  it('leaves three centres without a male facilitator, so male participants must go elsewhere', () => {
    const withoutMen = DEMO_DIRECTORY.filter((c) => !c.facilitators.some((f) => f.sex === 'male' && f.active));
    expect(withoutMen.map((c) => c.id).sort()).toEqual(['bishkek-sezim', 'karakol-ayalzat', 'osh-garmoniya']);
    for (const c of withoutMen) {
      expect(assessFeasibility(demoCentreCapacity(c), maleRequest)).toMatchObject({ code: 'no_certified_pair' });
    }
  });

  it('lets every other centre run the programme for a Kyrgyz-speaking man', () => {
    const verdicts = DEMO_DIRECTORY.map((c) => [c.id, assessFeasibility(demoCentreCapacity(c), maleRequest).feasible]);
    expect(verdicts.filter(([, ok]) => ok)).toHaveLength(DEMO_DIRECTORY.length - 3);
  });

  it('has no Russian-speaking man at Aialdarga jardam: its only ru man is inactive', () => {
    const centre = DEMO_DIRECTORY.find((c) => c.id === 'bishkek-ayaldarga-jardam')!;
    expect(assessFeasibility(demoCentreCapacity(centre), { ...maleRequest, language: 'ru' })).toEqual({
      feasible: false,
      code: 'no_language_pair',
      reason: 'no certified male facilitator speaking ru',
    });
  });
});
