/** The words every service uses for people, places and priorities; each list is written once, here. */
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** Languages of every user-facing text, Kyrgyz first. */
export const LANGUAGES = ['ky', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const RELATIONSHIPS = [
  'married',
  'cohabiting',
  'formerly_cohabiting',
  'dating_never_cohabited',
  'other_family_member',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const INDEX_INCIDENTS = ['physical_contact', 'weapon_death_threat', 'other'] as const;
export type IndexIncident = (typeof INDEX_INCIDENTS)[number];

/** Most urgent first: the order routing serves them in. */
export const ROUTING_PRIORITIES = ['urgent', 'high', 'standard'] as const;
export type RoutingPriority = (typeof ROUTING_PRIORITIES)[number];

/** Why an assessment deserves a second look; events carry the code, the explanation stays with risk. */
export const RISK_FLAG_CODES = ['outsideValidatedPopulation', 'recordsNotChecked', 'incompleteScreening', 'officerOverride'] as const;
export type RiskFlagCode = (typeof RISK_FLAG_CODES)[number];

/**
 * Who the notification service tells: a centre, the coordinators, the police unit that issued an order, or
 * the duty hotline that hears of immediate danger.
 */
export const RECIPIENT_KINDS = ['centre', 'coordinators', 'police_unit', 'duty_hotline'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** What an account may do is decided by its role alone; auditors read the audit log and nothing else. */
export const ROLES = ['police', 'coordinator', 'centre', 'admin', 'probation', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Languages a perpetrator programme is held in. */
export const PROGRAMME_LANGUAGES = ['ky', 'ru'] as const satisfies readonly Language[];
export type ProgrammeLanguage = (typeof PROGRAMME_LANGUAGES)[number];
