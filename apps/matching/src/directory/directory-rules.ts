import { isSettlementCode, Settlement, settlementByCode } from '../routing/travel/kg-gazetteer';

export interface WindowInput {
  weekday: number;
  start: string;
  end: string;
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * What is wrong with a week of availability, one line per problem naming the field: a window must end
 * after it starts, and windows of one weekday must not overlap (an overlap is almost always a typing slip).
 */
export function weeklyProblems(weekly: readonly WindowInput[], field = 'weekly'): string[] {
  const problems: string[] = [];
  weekly.forEach((w, i) => {
    if (minutesOf(w.end) <= minutesOf(w.start)) problems.push(`${field}[${i}].end must be after ${field}[${i}].start`);
  });
  for (let i = 0; i < weekly.length; i++) {
    for (let j = i + 1; j < weekly.length; j++) {
      const a = weekly[i];
      const b = weekly[j];
      if (a.weekday !== b.weekday) continue;
      if (minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end)) {
        problems.push(`${field}[${j}] overlaps ${field}[${i}] on weekday ${a.weekday}`);
      }
    }
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
