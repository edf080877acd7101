import type { OdaraScreeningContract, ParticipantLocation } from '@korgoo/contracts';
import type { ScreeningRequest } from './dto/screening.request';

/**
 * What an officer writes in their own words. It may name people and places, so it stays in the gateway
 * with the order and is read there with an audit row; events carry only answers, codes and coarse places.
 */
export const ORDER_NOTE_KINDS = ['officer_concern', 'override_reason', 'withdrawal_note'] as const;
export type OrderNoteKind = (typeof ORDER_NOTE_KINDS)[number];

export interface OrderNoteText {
  kind: OrderNoteKind;
  body: string;
}

/** The screening as it travels: every answer and code, none of the officer's free text. */
export function screeningForEvent(screening: ScreeningRequest): OdaraScreeningContract {
  const { officerConcern: _concern, ...immediateDanger } = screening.immediateDanger;
  const travelling: OdaraScreeningContract = {
    items: screening.items,
    context: screening.context,
    immediateDanger,
  };
  if (screening.substanceIndicators) travelling.substanceIndicators = screening.substanceIndicators;
  if (screening.supportBarriers) travelling.supportBarriers = screening.supportBarriers;
  if (screening.override) travelling.override = { priority: screening.override.priority };
  return travelling;
}

/** The free text of a screening, kept with the order. Blank text is no note. */
export function screeningNotes(screening: ScreeningRequest): OrderNoteText[] {
  return [
    { kind: 'officer_concern' as const, body: screening.immediateDanger.officerConcern?.trim() ?? '' },
    { kind: 'override_reason' as const, body: screening.override?.reason.trim() ?? '' },
  ].filter((note) => note.body !== '');
}

/** Three decimals of a degree is about 110 m: enough to find the nearest settlement, not the house. */
const COORDINATE_DECIMALS = 3;

export function coarseLocation(location: ParticipantLocation): ParticipantLocation {
  const coarse: ParticipantLocation = {};
  if (location.settlementCode !== undefined) coarse.settlementCode = location.settlementCode;
  if (location.lat !== undefined) coarse.lat = roundTo(location.lat);
  if (location.lng !== undefined) coarse.lng = roundTo(location.lng);
  return coarse;
}

function roundTo(degrees: number): number {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(degrees * factor) / factor;
}
