/**
 * Why an owner refused a change, one entry per problem, so a screen can say it in the reader's language.
 * Version 1: a rule may be added to the list; a rule renamed or dropped, or a param changed, is a new version.
 */
export const REFUSAL_RULES = [
  // A weekly window or a period away.
  'window_ends_before_start',
  'windows_overlap',
  'period_ends_before_start',
  'settlement_not_in_gazetteer',
  // Group slots and outreach points of a centre.
  'not_a_facilitator_of_centre',
  'lead_not_of_group_sex',
  'co_not_of_other_sex',
  'facilitator_lacks_language',
  'meeting_past_midnight',
  'minimum_above_maximum',
  'slot_id_twice',
  'slots_share_facilitator',
  'slot_not_of_centre',
  'pair_not_man_and_woman',
  'window_shorter_than_session',
  'due_at_group_slot',
  'due_at_outreach_point',
  'point_id_twice',
  'point_not_of_centre',
  // Conflicts with what the directory already holds.
  'centre_exists',
  'centre_in_use',
  'point_has_sessions_ahead',
  'facilitator_exists',
  'facilitator_has_sessions_ahead',
  'facilitator_runs_slot',
  'facilitator_holds_point',
  // A correction of a facilitator under the sessions booked on it.
  'sessions_planned_on_sex',
  'sessions_planned_on_language',
  'sessions_before_certification',
  // What the change or the reading names is not in the directory, or is another centre's.
  'centre_not_found',
  'facilitator_not_found',
  'exception_not_found',
  'other_centre',
  // A centre's answer to a referral proposed to it.
  'referral_not_found',
  'referral_of_other_centre',
  'referral_no_longer_proposed',
  'decline_note_required',
  // A monitoring meeting after a completed programme, recorded by its centre.
  'follow_up_not_found',
  'follow_up_already_recorded',
  'follow_up_not_due',
] as const;

export type RefusalRule = (typeof REFUSAL_RULES)[number];

/** Ids, numbers (1-based positions, hours), weekdays (1 = Monday) and language codes: never personal data. */
export type RefusalParams = Record<string, string | number>;

export interface Refusal {
  rule: RefusalRule;
  /** The request field it is about, as the gateway names fields (`groupSlots.1.minutes`); none for the whole change. */
  field?: string;
  params?: RefusalParams;
  /** The same problem as one English sentence, for API clients that do not know the rule. */
  message: string;
}
