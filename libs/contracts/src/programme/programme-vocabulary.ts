/**
 * The codes of the mandatory programme (Government decree No. 390): how a session went, why an absence is
 * excused, why a coordinator closes a programme, and its final outcome. Codes only; notes stay in the
 * programme service.
 */
export const SESSION_KINDS = ['individual', 'group'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Men's and women's programmes run separately, with separate groups. */
export const PROGRAMME_TRACKS = ['men', 'women'] as const;
export type ProgrammeTrack = (typeof PROGRAMME_TRACKS)[number];

export const ATTENDANCE_MARKS = ['attended', 'excused_absence', 'unexcused_absence', 'refused'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

export const EXCUSE_REASONS = ['illness_with_document', 'court_hearing', 'detention', 'other'] as const;
export type ExcuseReason = (typeof EXCUSE_REASONS)[number];

export const CLOSURE_REASONS = [
  'in_custody',
  'order_revoked_by_court',
  'left_country',
  'deceased',
  'treatment_first',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const PROGRAMME_OUTCOMES = ['completed', 'refused', 'closed_by_decision', 'expired_unplaced'] as const;
export type ProgrammeOutcome = (typeof PROGRAMME_OUTCOMES)[number];

/** `awaiting_decision`: an excused session found no slot before expiry; a coordinator decides. */
export const PROGRAMME_STATES = ['scheduled', 'in_progress', 'awaiting_decision', 'cancelled', ...PROGRAMME_OUTCOMES] as const;
export type ProgrammeState = (typeof PROGRAMME_STATES)[number];

/** Why a programme was found refused: an explicit refusal, or absences past the named policy. */
export const REFUSAL_GROUNDS = ['explicit_refusal', 'unexcused_absences', 'cannot_finish_before_expiry'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/**
 * The voluntary component after a completed mandatory programme: `enrolled` while it runs, then one of its
 * two outcomes. It is voluntary, so leaving it is recorded and never reported under Article 72.
 */
export const VOLUNTARY_STATES = ['enrolled', 'voluntary_completed', 'voluntary_left'] as const;
export type VoluntaryState = (typeof VOLUNTARY_STATES)[number];

/** The highest voluntary session number accepted: the plan's 26 and as many absences again, with room. */
export const MAX_VOLUNTARY_SESSIONS = 80;

/** A monitoring meeting after completion was held with the person, or missed. */
export const FOLLOW_UP_OUTCOMES = ['held', 'missed'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
