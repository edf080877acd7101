/** A court decides on a protection order up to 70 days after it was issued. */
export const COURT_DECISION_WINDOW_DAYS = 70;

const DAY_MS = 24 * 3_600_000;

/** An extension must move the expiry later; a shorter order is a withdrawal or a new order, not an extension. */
export function extensionProblem(currentExpiresAt: Date, requested: Date): string | null {
  return requested.getTime() > currentExpiresAt.getTime() ? null : `must be later than the current expiry ${currentExpiresAt.toISOString()}`;
}

/** The decision date is a real calendar day from the order's issue to 70 days after it, and not in the future. */
export function courtDecisionProblem(issuedAt: Date, decidedOn: string, now: Date): string | null {
  const day = new Date(`${decidedOn}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== decidedOn) return 'must be a calendar date YYYY-MM-DD';
  const issuedDay = new Date(`${issuedAt.toISOString().slice(0, 10)}T00:00:00Z`);
  if (day.getTime() < issuedDay.getTime()) return 'must not be before the order was issued';
  if (day.getTime() > issuedDay.getTime() + COURT_DECISION_WINDOW_DAYS * DAY_MS) {
    return `must be within ${COURT_DECISION_WINDOW_DAYS} days after the order was issued`;
  }
  // A day ahead of UTC allows for Bishkek (UTC+6) being on the next calendar day already.
  if (day.getTime() > now.getTime() + DAY_MS) return 'must not be in the future';
  return null;
}
