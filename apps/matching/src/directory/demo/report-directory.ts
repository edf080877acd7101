/**
 * DEMO DATA, NOT REAL ROSTERS, sized to what the evaluation report observes: about 50 trained facilitators
 * running correction sessions at 8 centres, part time, for about 125 completed programmes a year. The
 * centres are ones the report names, in their towns (Batken's is a placeholder: the report names the
 * 2024 Batken cohort, not its centre); the rosters follow the report's training cohorts: 8 psychologists in
 * Bishkek (2021), 16 in Osh city and oblast (2022), 14 in Issyk-Kul (2023), 16 in Batken (2024) and 7
 * gender-balanced pairs (2023). Some of each cohort no longer run sessions (inactive), and each active
 * facilitator gives one four-hour block a week. People, initials and schedules are fictional.
 *
 * The larger rosters in demo-directory.ts stay as the what-if directory the national-year simulation runs.
 */
import { DEMO_DIRECTORY, DirectoryCentre, listed, RosterLine, TRAINING, Weekday, windows } from './demo-directory';

type Cohort = keyof typeof TRAINING;

/** `count` facilitators of one cohort and sex, each free one block a week; the first `inactive` of them no longer run sessions. */
function cohort(trained: Cohort, sex: 'male' | 'female', blocks: Array<[Weekday, string]>, inactive = 0): RosterLine[] {
  // The cohort's initial, then A.. for men and N.. for women: unique within a centre.
  return blocks.map(([weekday, start], i) => ({
    initials: `${trained[0].toUpperCase()}.${String.fromCharCode((sex === 'male' ? 65 : 78) + i)}.`,
    sex,
    languages: i % 3 === 2 ? ['ky'] : ['ky', 'ru'],
    trained,
    weekly: windows([weekday], start, `${String(Number(start.slice(0, 2)) + 4).padStart(2, '0')}${start.slice(2)}`),
    active: i >= inactive,
  }));
}

/** Gender-balanced pairs of the 2023 training: a man and a woman free in the same block. */
const pairs = (blocks: Array<[Weekday, string]>, inactive = 0): RosterLine[] => [
  ...cohort('genderBalancedPairs2023', 'male', blocks, inactive),
  ...cohort('genderBalancedPairs2023', 'female', blocks, inactive),
];

const SAT_MORNING: [Weekday, string] = [6, '10:00'];
const TUE_AFTERNOON: [Weekday, string] = [2, '14:00'];
const THU_AFTERNOON: [Weekday, string] = [4, '14:00'];

/** The named centre as the demo directory lists it (name, town, group size), with a roster of the report's size. */
function sized(id: string, roster: RosterLine[]): DirectoryCentre {
  const { name, municipal, settlementCode, groupCapacity } = DEMO_DIRECTORY.find((c) => c.id === id)!;
  return listed({ id, name, municipal, settlementCode, groupCapacity, roster });
}

export const REPORT_DIRECTORY: readonly DirectoryCentre[] = [
  sized('bishkek-shans', [
    ...cohort('bishkekPsychologists2021', 'female', [TUE_AFTERNOON, TUE_AFTERNOON, THU_AFTERNOON, SAT_MORNING], 1),
    ...pairs([TUE_AFTERNOON]),
  ]),
  sized('bishkek-ayalzat', [
    ...cohort('bishkekPsychologists2021', 'male', [THU_AFTERNOON]),
    ...cohort('bishkekPsychologists2021', 'female', [THU_AFTERNOON, SAT_MORNING, TUE_AFTERNOON], 1),
    ...pairs([SAT_MORNING]),
  ]),
  sized('osh-ak-jurok', [
    ...cohort('oshCityAndOblast2022', 'male', [TUE_AFTERNOON, TUE_AFTERNOON], 1),
    ...cohort('oshCityAndOblast2022', 'female', [TUE_AFTERNOON, THU_AFTERNOON, SAT_MORNING, TUE_AFTERNOON, THU_AFTERNOON, SAT_MORNING], 2),
  ]),
  sized('osh-jany-ritm', [
    ...cohort('oshCityAndOblast2022', 'male', [SAT_MORNING, SAT_MORNING], 1),
    ...cohort('oshCityAndOblast2022', 'female', [SAT_MORNING, THU_AFTERNOON, TUE_AFTERNOON, SAT_MORNING, THU_AFTERNOON, TUE_AFTERNOON], 2),
  ]),
  sized('naryn-asylzat', [
    ...pairs([TUE_AFTERNOON, SAT_MORNING], 1),
  ]),
  sized('naryn-tendesh', [
    ...pairs([THU_AFTERNOON, SAT_MORNING], 1),
  ]),
  sized('karakol-meerman', [
    ...cohort('issykKul2023', 'male', [TUE_AFTERNOON, TUE_AFTERNOON, SAT_MORNING], 2),
    ...cohort('issykKul2023', 'female', [TUE_AFTERNOON, SAT_MORNING, THU_AFTERNOON, TUE_AFTERNOON, SAT_MORNING, THU_AFTERNOON, TUE_AFTERNOON, SAT_MORNING, THU_AFTERNOON, TUE_AFTERNOON, SAT_MORNING], 1),
    ...pairs([SAT_MORNING]),
  ]),
  sized('batken-demo', [
    ...cohort('batken2024', 'male', [TUE_AFTERNOON, TUE_AFTERNOON, SAT_MORNING, SAT_MORNING], 2),
    ...cohort('batken2024', 'female', [TUE_AFTERNOON, SAT_MORNING, THU_AFTERNOON, TUE_AFTERNOON, SAT_MORNING, THU_AFTERNOON, TUE_AFTERNOON, SAT_MORNING, THU_AFTERNOON, TUE_AFTERNOON, SAT_MORNING, THU_AFTERNOON], 2),
  ]),
];
