/**
 * DEMO DATA, NOT REAL ROSTERS. Centre names are those in the evaluation report (Batken and Talas
 * are placeholders); every facilitator, initial, schedule and contact below is fictional. Use for
 * local runs, demos and tests only; never seed a deployment with it.
 */
import type {
  AvailabilityException,
  BookedSession,
  CentreCapacity,
  Facilitator,
  GroupSlot,
  Language,
  OutreachPoint,
  Sex,
  WeeklyWindow,
} from '../../capacity/capacity-types';
import { Oblast, SettlementCode, settlementByCode } from '../../travel/kg-gazetteer';

export interface DirectoryFacilitator extends Facilitator {
  displayName: string;
}

/** Placeholder until real channels exist: an in-app inbox only, nothing an abuser could read. */
export interface ContactChannel {
  kind: 'inbox';
  address: string;
}

export interface DirectoryCentre {
  id: string;
  name: string;
  municipal: boolean;
  settlementCode: SettlementCode;
  oblast: Oblast;
  lat: number;
  lng: number;
  status: 'open' | 'paused';
  groupCapacity: number;
  contactChannels: ContactChannel[];
  facilitators: DirectoryFacilitator[];
  groupSlots: GroupSlot[];
  outreachPoints: OutreachPoint[];
}

/** Certification dates follow the trainings in the report; headcounts per training are not matched. */
export const TRAINING = {
  bishkekPsychologists2021: '2021-06-18',
  oshCityAndOblast2022: '2022-04-22',
  genderBalancedPairs2023: '2023-10-13',
  issykKul2023: '2023-05-19',
  batken2024: '2024-03-15',
} as const;

export type Weekday = WeeklyWindow['weekday'];
const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
const MON_WED_FRI: Weekday[] = [1, 3, 5];
const TUE_THU: Weekday[] = [2, 4];

export function windows(days: Weekday[], start: string, end: string): WeeklyWindow[] {
  return days.map((weekday) => ({ weekday, start, end }));
}

export interface RosterLine {
  initials: string;
  sex: Sex;
  languages: Language[];
  trained: keyof typeof TRAINING | null;
  weekly: WeeklyWindow[];
  active?: boolean;
}

export interface CentreLine {
  id: string;
  name: string;
  municipal?: boolean;
  settlementCode: SettlementCode;
  groupCapacity: number;
  roster: RosterLine[];
  /** Weekly group slots; `pair` gives the lead's and the co-facilitator's 1-based roster lines. */
  slots?: SlotLine[];
  /** Outreach points; `pair` gives the man's and the woman's 1-based roster lines. */
  outreach?: OutreachLine[];
}

export interface OutreachLine {
  settlementCode: SettlementCode;
  pair: [number, number];
  windows: WeeklyWindow[];
}

export interface SlotLine {
  weekday: Weekday;
  start: string;
  language: Language;
  pair: [number, number];
  minParticipants?: number;
  maxParticipants?: number;
}

/** Default group size bounds of a declared slot. */
export const SLOT_SIZE = { min: 3, max: 10 } as const;

export function listed(line: CentreLine): DirectoryCentre {
  const place = settlementByCode(line.settlementCode);
  return {
    id: line.id,
    name: line.name,
    municipal: line.municipal ?? false,
    settlementCode: place.code,
    oblast: place.oblast,
    lat: place.lat,
    lng: place.lng,
    status: 'open',
    groupCapacity: line.groupCapacity,
    contactChannels: [{ kind: 'inbox', address: `inbox:${line.id}` }],
    facilitators: line.roster.map((r, i) => ({
      id: `${line.id}-${i + 1}`,
      displayName: `Facilitator ${r.initials}`,
      sex: r.sex,
      languages: r.languages,
      // UTC midnight is the same calendar date in UTC and in Bishkek, so it survives a date column.
      certifiedOn: r.trained === null ? null : new Date(`${TRAINING[r.trained]}T00:00:00Z`),
      active: r.active ?? true,
      weekly: r.weekly,
      exceptions: [],
    })),
    groupSlots: (line.slots ?? []).map((s, i) => ({
      id: `${line.id}-slot-${i + 1}`,
      weekday: s.weekday,
      start: s.start,
      minutes: 240,
      // The lead's sex is the group's: men and women meet apart.
      sex: line.roster[s.pair[0] - 1].sex,
      language: s.language,
      leadFacilitatorId: `${line.id}-${s.pair[0]}`,
      coFacilitatorId: `${line.id}-${s.pair[1]}`,
      minParticipants: s.minParticipants ?? SLOT_SIZE.min,
      maxParticipants: s.maxParticipants ?? SLOT_SIZE.max,
    })),
    outreachPoints: (line.outreach ?? []).map((o, i) => ({
      id: `${line.id}-point-${i + 1}`,
      settlementCode: o.settlementCode,
      facilitatorIds: [`${line.id}-${o.pair[0]}`, `${line.id}-${o.pair[1]}`],
      windows: o.windows,
    })),
  };
}

const M = 'male' as const;
const F = 'female' as const;
const KY_RU: Language[] = ['ky', 'ru'];
const KY: Language[] = ['ky'];
const RU: Language[] = ['ru'];

/**
 * Fourteen centres in the towns the report names, plus placeholders in Batken and Talas; Chuy is served
 * from Bishkek and Jalal-Abad oblast, where the report names no centre, from Osh. Bishkek Sezim,
 * Osh Garmoniya and Karakol Ayalzat have no male facilitator on purpose, so routing has to look
 * elsewhere for male participants. Every centre with a man on its roster declares a weekly men's group
 * slot in Kyrgyz (and one in Russian where two pairs allow); women, about 5% of orders, get groups opened
 * as they come rather than a weekly hour that would mostly sit empty.
 */
export const DEMO_DIRECTORY: readonly DirectoryCentre[] = [
  listed({
    id: 'bishkek-shans',
    name: 'Шанс',
    settlementCode: 'bishkek',
    groupCapacity: 8,
    slots: [{ weekday: 4, start: '14:00', language: 'ky', pair: [1, 2] }],
    roster: [
      { initials: 'A.K.', sex: M, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows(TUE_THU, '09:00', '18:00') },
      { initials: 'B.S.', sex: F, languages: KY_RU, trained: 'bishkekPsychologists2021', weekly: windows(MON_FRI, '09:00', '18:00') },
      {
        initials: 'N.T.',
        sex: F,
        languages: RU,
        trained: 'bishkekPsychologists2021',
        weekly: [...windows(TUE_THU, '09:00', '18:00'), ...windows([6], '10:00', '14:00')],
      },
      { initials: 'Ch.M.', sex: F, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows(MON_WED_FRI, '09:00', '17:00') },
    ],
  }),
  listed({
    id: 'bishkek-sezim',
    name: 'Сезим',
    settlementCode: 'bishkek',
    groupCapacity: 6,
    roster: [
      { initials: 'G.A.', sex: F, languages: KY_RU, trained: 'bishkekPsychologists2021', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'E.V.', sex: F, languages: RU, trained: 'bishkekPsychologists2021', weekly: windows(TUE_THU, '10:00', '18:00') },
      { initials: 'Zh.O.', sex: F, languages: KY_RU, trained: 'bishkekPsychologists2021', weekly: windows([1, 3], '09:00', '17:00') },
    ],
  }),
  listed({
    id: 'bishkek-ayalzat',
    name: 'Аялзат',
    municipal: true,
    settlementCode: 'bishkek',
    groupCapacity: 10,
    slots: [
      { weekday: 3, start: '14:00', language: 'ky', pair: [1, 3] },
      { weekday: 2, start: '14:00', language: 'ru', pair: [2, 4] },
    ],
    roster: [
      { initials: 'T.B.', sex: M, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows(MON_WED_FRI, '09:00', '18:00') },
      { initials: 'S.I.', sex: M, languages: RU, trained: 'bishkekPsychologists2021', weekly: windows([2], '13:00', '18:00') },
      { initials: 'A.Zh.', sex: F, languages: KY_RU, trained: 'bishkekPsychologists2021', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'M.R.', sex: F, languages: RU, trained: 'bishkekPsychologists2021', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'K.D.', sex: F, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows(MON_WED_FRI, '09:00', '18:00') },
      // In training: not yet allowed to run sessions.
      { initials: 'D.N.', sex: F, languages: KY, trained: null, weekly: windows(MON_FRI, '09:00', '18:00') },
    ],
  }),
  listed({
    id: 'bishkek-ayaldarga-jardam',
    name: 'Аялдарга жардам берүү борбору',
    settlementCode: 'bishkek',
    groupCapacity: 8,
    slots: [{ weekday: 6, start: '10:00', language: 'ky', pair: [1, 2] }],
    roster: [
      {
        initials: 'R.Sh.',
        sex: M,
        languages: KY,
        trained: 'genderBalancedPairs2023',
        // Saturday afternoons too: groups meet only at the declared Saturday morning slot, so the individual
        // sessions before them must fall on a Saturday a week earlier.
        weekly: [...windows([3], '14:00', '18:00'), ...windows([6], '10:00', '18:00')],
      },
      { initials: 'I.K.', sex: F, languages: KY_RU, trained: 'bishkekPsychologists2021', weekly: windows([1, 2, 3, 4, 5, 6], '09:00', '18:00') },
      { initials: 'L.P.', sex: F, languages: RU, trained: 'bishkekPsychologists2021', weekly: windows([3, 6], '09:00', '18:00') },
      { initials: 'V.O.', sex: M, languages: RU, trained: 'bishkekPsychologists2021', weekly: windows(TUE_THU, '09:00', '18:00'), active: false },
    ],
  }),
  listed({
    id: 'osh-ak-jurok',
    name: 'Ак-Жүрөк',
    settlementCode: 'osh',
    groupCapacity: 10,
    slots: [
      { weekday: 3, start: '14:00', language: 'ky', pair: [1, 3] },
      { weekday: 4, start: '14:00', language: 'ru', pair: [2, 4] },
    ],
    // Kerben (Aksy district) is about five hours from Osh by road: one session there on Tuesdays.
    outreach: [{ settlementCode: 'kerben', pair: [1, 5], windows: windows([2], '11:00', '15:00') }],
    roster: [
      { initials: 'U.T.', sex: M, languages: KY, trained: 'oshCityAndOblast2022', weekly: windows(MON_WED_FRI, '09:00', '18:00') },
      { initials: 'B.A.', sex: M, languages: KY_RU, trained: 'oshCityAndOblast2022', weekly: windows(TUE_THU, '09:00', '18:00') },
      { initials: 'G.M.', sex: F, languages: KY, trained: 'oshCityAndOblast2022', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'N.Y.', sex: F, languages: KY_RU, trained: 'oshCityAndOblast2022', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'S.Kh.', sex: F, languages: KY, trained: 'oshCityAndOblast2022', weekly: windows([2, 4, 6], '09:00', '17:00') },
    ],
  }),
  listed({
    id: 'osh-garmoniya',
    name: 'Гармония',
    settlementCode: 'osh',
    groupCapacity: 8,
    roster: [
      { initials: 'A.B.', sex: F, languages: KY_RU, trained: 'oshCityAndOblast2022', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'R.K.', sex: F, languages: KY, trained: 'oshCityAndOblast2022', weekly: windows(MON_WED_FRI, '09:00', '18:00') },
      { initials: 'O.S.', sex: F, languages: RU, trained: 'oshCityAndOblast2022', weekly: windows(TUE_THU, '09:00', '18:00') },
    ],
  }),
  listed({
    id: 'osh-jany-ritm',
    name: 'Жаңы ритм',
    settlementCode: 'osh',
    groupCapacity: 6,
    slots: [{ weekday: 6, start: '09:00', language: 'ky', pair: [1, 4] }],
    roster: [
      // Saturday until 17:00: individual sessions a week before the Saturday morning groups.
      { initials: 'E.Zh.', sex: M, languages: KY, trained: 'oshCityAndOblast2022', weekly: [...windows([2], '09:00', '13:00'), ...windows([6], '09:00', '17:00')] },
      { initials: 'Z.T.', sex: F, languages: KY, trained: 'oshCityAndOblast2022', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'M.A.', sex: F, languages: KY_RU, trained: 'oshCityAndOblast2022', weekly: windows(TUE_THU, '09:00', '18:00') },
      { initials: 'Ch.O.', sex: F, languages: KY, trained: 'oshCityAndOblast2022', weekly: windows([1, 3, 6], '09:00', '18:00') },
    ],
  }),
  listed({
    id: 'naryn-asylzat',
    name: 'Асылзат',
    municipal: true,
    settlementCode: 'naryn',
    groupCapacity: 6,
    slots: [{ weekday: 4, start: '14:00', language: 'ky', pair: [1, 2] }],
    roster: [
      { initials: 'K.M.', sex: M, languages: KY, trained: 'genderBalancedPairs2023', weekly: windows([1, 4], '09:00', '18:00') },
      { initials: 'A.S.', sex: F, languages: KY, trained: 'genderBalancedPairs2023', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'J.K.', sex: F, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows([1, 3, 4], '09:00', '17:00') },
    ],
  }),
  listed({
    id: 'naryn-pir-solomon',
    name: 'Пир Соломон',
    settlementCode: 'naryn',
    groupCapacity: 6,
    slots: [{ weekday: 5, start: '14:00', language: 'ky', pair: [1, 2] }],
    roster: [
      { initials: 'N.B.', sex: M, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows([2, 5], '09:00', '18:00') },
      { initials: 'G.Sh.', sex: F, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows([2, 3, 5], '09:00', '18:00') },
    ],
  }),
  listed({
    id: 'karakol-meerman',
    name: 'Мээрман',
    settlementCode: 'karakol',
    groupCapacity: 8,
    slots: [{ weekday: 3, start: '14:00', language: 'ky', pair: [1, 2] }],
    // Bokonbaevo, on the south shore, is just beyond the reach of Karakol.
    outreach: [{ settlementCode: 'bokonbaevo', pair: [1, 4], windows: windows([2], '10:00', '16:00') }],
    roster: [
      { initials: 'D.A.', sex: M, languages: KY_RU, trained: 'issykKul2023', weekly: windows([1, 3], '09:00', '18:00') },
      { initials: 'A.T.', sex: F, languages: KY_RU, trained: 'issykKul2023', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'S.M.', sex: F, languages: RU, trained: 'issykKul2023', weekly: windows(MON_WED_FRI, '09:00', '18:00') },
      { initials: 'B.K.', sex: F, languages: KY, trained: 'issykKul2023', weekly: windows(TUE_THU, '09:00', '18:00') },
    ],
  }),
  listed({
    id: 'karakol-ayalzat',
    name: 'Аялзат',
    settlementCode: 'karakol',
    groupCapacity: 6,
    roster: [
      { initials: 'N.Zh.', sex: F, languages: KY_RU, trained: 'issykKul2023', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'E.A.', sex: F, languages: RU, trained: 'issykKul2023', weekly: windows(TUE_THU, '09:00', '18:00') },
      { initials: 'Ai.B.', sex: F, languages: KY, trained: 'issykKul2023', weekly: windows(MON_WED_FRI, '09:00', '17:00') },
    ],
  }),
  listed({
    // The report places Теңдеш in Naryn, with Асылзат and Пир Соломон.
    id: 'naryn-tendesh',
    name: 'Теңдеш',
    settlementCode: 'naryn',
    groupCapacity: 8,
    slots: [
      { weekday: 3, start: '14:00', language: 'ky', pair: [1, 3] },
      { weekday: 4, start: '14:00', language: 'ru', pair: [2, 4] },
    ],
    roster: [
      { initials: 'T.K.', sex: M, languages: KY, trained: 'genderBalancedPairs2023', weekly: windows(MON_WED_FRI, '09:00', '18:00') },
      { initials: 'A.M.', sex: M, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows(TUE_THU, '09:00', '18:00') },
      { initials: 'Zh.T.', sex: F, languages: KY, trained: 'genderBalancedPairs2023', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'N.O.', sex: F, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows(MON_FRI, '09:00', '18:00') },
    ],
  }),
  listed({
    id: 'batken-demo',
    name: 'Баткен кризистик борбору (демо)',
    settlementCode: 'batken',
    groupCapacity: 8,
    slots: [{ weekday: 3, start: '14:00', language: 'ky', pair: [1, 3] }],
    roster: [
      { initials: 'I.T.', sex: M, languages: KY, trained: 'batken2024', weekly: windows(MON_WED_FRI, '09:00', '18:00') },
      { initials: 'S.A.', sex: M, languages: KY, trained: 'batken2024', weekly: windows(TUE_THU, '09:00', '18:00') },
      { initials: 'G.T.', sex: F, languages: KY, trained: 'batken2024', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'M.K.', sex: F, languages: KY_RU, trained: 'batken2024', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'A.O.', sex: F, languages: KY, trained: 'batken2024', weekly: windows([2, 4, 6], '09:00', '17:00') },
    ],
  }),
  listed({
    id: 'talas-demo',
    name: 'Талас кризистик борбору (демо)',
    settlementCode: 'talas',
    groupCapacity: 6,
    slots: [{ weekday: 4, start: '14:00', language: 'ky', pair: [1, 2] }],
    roster: [
      { initials: 'B.Zh.', sex: M, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows([1, 4], '09:00', '18:00') },
      { initials: 'K.A.', sex: F, languages: KY_RU, trained: 'genderBalancedPairs2023', weekly: windows(MON_FRI, '09:00', '18:00') },
      { initials: 'E.S.', sex: F, languages: RU, trained: 'bishkekPsychologists2021', weekly: windows(TUE_THU, '09:00', '18:00') },
    ],
  }),
];

/** What the feasibility check needs from a directory centre, with the bookings known at the time. */
export function demoCentreCapacity(
  centre: DirectoryCentre,
  booked: BookedSession[] = [],
  closures: AvailabilityException[] = [],
): CentreCapacity {
  return {
    centreId: centre.id,
    status: centre.status,
    groupCapacity: centre.groupCapacity,
    facilitators: centre.facilitators,
    booked,
    closures,
    groupSlots: centre.groupSlots,
    outreachPoints: centre.outreachPoints,
  };
}
