import { coarseLocation, screeningForEvent, screeningNotes } from './order-notes';
import type { ScreeningRequest } from './dto/screening.request';

const answers = {
  items: { priorDomesticAssault: 'yes' },
  context: { perpetratorSex: 'male', victimSex: 'female', relationship: 'spouse', indexIncident: 'other', policeRecordsChecked: true },
} as unknown as Pick<ScreeningRequest, 'items' | 'context'>;

function screening(extra: Partial<ScreeningRequest> = {}): ScreeningRequest {
  return {
    ...answers,
    immediateDanger: { critical: {}, further: {}, officerBelievesHighDanger: true, officerConcern: 'He said he would come back to Ak-Tala street tonight' },
    override: { priority: 'urgent', reason: 'The victim is hiding at her sister Aigul\'s house' },
    ...extra,
  } as ScreeningRequest;
}

describe('the officer\'s own words stay with the order', () => {
  it('sends every answer and code on, and no word of the officer\'s text', () => {
    const travelling = screeningForEvent(screening());
    expect(travelling).toEqual({
      ...answers,
      immediateDanger: { critical: {}, further: {}, officerBelievesHighDanger: true },
      override: { priority: 'urgent' },
    });
    expect(JSON.stringify(travelling)).not.toMatch(/Ak-Tala|Aigul/);
  });

  it('keeps the concern and the override reason as notes, trimmed', () => {
    const notes = screeningNotes(screening({ override: { priority: 'high', reason: '  seen at the school  ' } }));
    expect(notes).toEqual([
      { kind: 'officer_concern', body: 'He said he would come back to Ak-Tala street tonight' },
      { kind: 'override_reason', body: 'seen at the school' },
    ]);
  });

  it('makes no note of blank or missing text', () => {
    const plain = screening({ immediateDanger: { critical: {}, further: {}, officerBelievesHighDanger: false, officerConcern: '   ' }, override: undefined });
    expect(screeningNotes(plain)).toEqual([]);
    expect(screeningForEvent(plain)).not.toHaveProperty('override');
  });
});

describe('coarse location', () => {
  it('rounds coordinates to about 100 m and keeps the settlement code', () => {
    expect(coarseLocation({ settlementCode: 'naryn', lat: 41.428_736_1, lng: 75.991_123_9 })).toEqual({ settlementCode: 'naryn', lat: 41.429, lng: 75.991 });
  });

  it('never moves a point by more than half a step in either axis', () => {
    for (const [lat, lng] of [[42.874_999, 74.569_501], [39.5, 69.999_5], [-0.000_4, 0.000_6]]) {
      const coarse = coarseLocation({ lat, lng });
      expect(Math.abs(coarse.lat! - lat)).toBeLessThanOrEqual(0.000_500_1);
      expect(Math.abs(coarse.lng! - lng)).toBeLessThanOrEqual(0.000_500_1);
    }
  });
});
