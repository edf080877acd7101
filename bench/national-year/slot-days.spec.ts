import { DEMO_DIRECTORY } from '../../apps/matching/src/directory/demo/demo-directory';
import { withSlotLeadsAroundSlots } from './slot-days';

describe('slot leads on duty around their slots (what-if)', () => {
  const centres = withSlotLeadsAroundSlots(DEMO_DIRECTORY);
  const byId = (id: string) => centres.find((c) => c.id === id)!;

  it('puts a men\'s slot lead on duty the day before, of and after the slot, keeping his other days', () => {
    // Talas: B.Zh. works Mondays and Thursdays and leads the Thursday men's slot.
    const lead = byId('talas-demo').facilitators.find((f) => f.id === 'talas-demo-1')!;
    expect([...lead.weekly].sort((a, b) => a.weekday - b.weekday)).toEqual([
      { weekday: 1, start: '09:00', end: '18:00' },
      { weekday: 3, start: '09:00', end: '18:00' },
      { weekday: 4, start: '09:00', end: '18:00' },
      { weekday: 5, start: '09:00', end: '18:00' },
    ]);
  });

  it('leaves co-facilitators, centres without men\'s slots and the slots themselves as they were', () => {
    const talas = DEMO_DIRECTORY.find((c) => c.id === 'talas-demo')!;
    expect(byId('talas-demo').facilitators.slice(1)).toEqual(talas.facilitators.slice(1));
    expect(byId('talas-demo').groupSlots).toEqual(talas.groupSlots);
    expect(byId('bishkek-sezim')).toBe(DEMO_DIRECTORY.find((c) => c.id === 'bishkek-sezim'));
  });
});
