import { clockMinutes, overlappingWindows } from '../capacity/weekly-window';
import { isSettlementCode, Settlement, settlementByCode } from '../travel/kg-gazetteer';

export interface WindowInput {
  weekday: number;
  start: string;
  end: string;
}

/**
 * What is wrong with a week of availability, one line per problem naming the field: a window must end
 * after it starts, and windows of one weekday must not overlap (an overlap is almost always a typing slip).
 */
export function weeklyProblems(weekly: readonly WindowInput[], field = 'weekly'): string[] {
  const problems: string[] = [];
  weekly.forEach((w, i) => {
    if (clockMinutes(w.end, field) <= clockMinutes(w.start, field)) {
      problems.push(`${field}[${i}].end must be after ${field}[${i}].start`);
    }
  });
  for (const [i, j] of overlappingWindows(weekly)) {
    problems.push(`${field}[${j}] overlaps ${field}[${i}] on weekday ${weekly[i].weekday}`);
  }
  return problems;
}

export function exceptionProblems(e: { from: string; to: string }, field = 'exception'): string[] {
  return new Date(e.to).getTime() > new Date(e.from).getTime() ? [] : [`${field}.to must be after ${field}.from`];
}

/** The gazetteer settlement a centre is in, or the problem naming the field. */
export function settlementOf(code: string, field = 'settlementCode'): Settlement | string {
  return isSettlementCode(code) ? settlementByCode(code) : `${field} ${code} is not in the gazetteer`;
}
