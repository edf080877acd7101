import { AttendanceMark, ExcuseReason, ProgrammeState, ProgrammeTrack, SessionKind, VoluntaryState } from '@korgoo/contracts';
import { ProgrammeRuleViolation } from './mandatory-programme';

/** The voluntary component (Government decree No. 390): weekly, after the mandatory one, men and women apart. */
export const VOLUNTARY_PLANS: Record<ProgrammeTrack, { individual: number; group: number; months: number }> = {
  men: { individual: 2, group: 24, months: 6 },
  women: { individual: 2, group: 16, months: 4 },
};

export interface VoluntarySession {
  /** 1, 2, 3 … in the order the centre held them, missed ones included. */
  number: number;
  kind: SessionKind;
  heldAt: Date;
  mark: AttendanceMark;
  excuseReason: ExcuseReason | null;
  recordedAt: Date;
}

export interface VoluntaryComponent {
  track: ProgrammeTrack;
  enrolledAt: Date;
  /** When the plan's weekly sessions would end: shown to plan by, not a deadline that ends anything. */
  plannedEnd: Date;
  state: VoluntaryState;
  sessions: VoluntarySession[];
}

export interface VoluntaryEntry {
  number: number;
  heldAt: Date;
  mark: AttendanceMark;
  excuseReason: ExcuseReason | null;
}

/** Only a completed mandatory programme leads on to the voluntary component, and only once. */
export function enrolVoluntary(
  programme: { state: ProgrammeState; track: ProgrammeTrack },
  enrolled: VoluntaryComponent | null,
  now: Date,
): VoluntaryComponent {
  if (programme.state !== 'completed') {
    throw new ProgrammeRuleViolation('not_completed', `the mandatory programme is ${programme.state}; only a completed one leads on`);
  }
  if (enrolled) throw new ProgrammeRuleViolation('already_enrolled', 'the person is already enrolled in the voluntary component');
  return {
    track: programme.track,
    enrolledAt: now,
    plannedEnd: addMonths(now, VOLUNTARY_PLANS[programme.track].months),
    state: 'enrolled',
    sessions: [],
  };
}

function attended(component: VoluntaryComponent, kind: SessionKind): number {
  return component.sessions.filter((s) => s.kind === kind && s.mark === 'attended').length;
}

/** The individual sessions come first: the next one is individual until both were attended. */
export function nextVoluntaryKind(component: VoluntaryComponent): SessionKind {
  return attended(component, 'individual') < VOLUNTARY_PLANS[component.track].individual ? 'individual' : 'group';
}

/**
 * Records a session the centre held, with its date, in order. Attending the whole plan completes the
 * component; a refusal means the person left it. Absences are kept and cost nothing: there is no Article 72
 * for a voluntary part.
 */
export function recordVoluntarySession(component: VoluntaryComponent, entry: VoluntaryEntry, now: Date): VoluntarySession {
  if (component.state !== 'enrolled') {
    throw new ProgrammeRuleViolation('programme_closed', `the voluntary component already ended as ${component.state}`);
  }
  const expected = component.sessions.length + 1;
  if (entry.number < expected) throw new ProgrammeRuleViolation('already_recorded', `voluntary session ${entry.number} is already recorded`);
  if (entry.number > expected) throw new ProgrammeRuleViolation('out_of_order', `record voluntary session ${expected} first`);
  if (entry.heldAt.getTime() > now.getTime()) {
    throw new ProgrammeRuleViolation('session_not_held_yet', `voluntary session ${entry.number} has not been held yet`);
  }
  const previous = component.sessions[component.sessions.length - 1];
  if (entry.heldAt.getTime() < component.enrolledAt.getTime() || (previous && entry.heldAt.getTime() <= previous.heldAt.getTime())) {
    throw new ProgrammeRuleViolation('out_of_order', `voluntary session ${entry.number} must come after the enrolment and the session before it`);
  }
  const session: VoluntarySession = {
    number: entry.number,
    kind: nextVoluntaryKind(component),
    heldAt: entry.heldAt,
    mark: entry.mark,
    excuseReason: entry.mark === 'excused_absence' ? entry.excuseReason : null,
    recordedAt: now,
  };
  component.sessions.push(session);
  const plan = VOLUNTARY_PLANS[component.track];
  if (session.mark === 'refused') component.state = 'voluntary_left';
  else if (attended(component, 'individual') >= plan.individual && attended(component, 'group') >= plan.group) {
    component.state = 'voluntary_completed';
  }
  return session;
}

/** Calendar months in UTC; a day the target month lacks becomes its last day (31 January + 1 = 28 February). */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = from.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(from.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}
