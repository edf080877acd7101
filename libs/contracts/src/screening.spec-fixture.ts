import type { ImmediateDangerScreen, ScreeningContext } from './screening';

/** The population ODARA was normed on: a man's physical assault of his wife, with police records checked. */
export const IN_POPULATION_CONTEXT: ScreeningContext = {
  perpetratorSex: 'male',
  victimSex: 'female',
  relationship: 'married',
  indexIncident: 'physical_contact',
  policeRecordsChecked: true,
};

/** No immediate-danger question answered and no concern of the officer's. */
export const NO_DANGER_SIGNS: ImmediateDangerScreen = { critical: {}, further: {}, officerBelievesHighDanger: false };
