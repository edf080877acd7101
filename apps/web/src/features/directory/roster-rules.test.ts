import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../lib/api-client';
import { fieldOf, placeRules, unplacedReasons } from './roster-rules';

const refusal = (message: string) => new ApiProblem(400, { statusCode: 400, error: 'Bad Request', message });

describe('the roster rules matching answers', () => {
  it('are read as the field each names', () => {
    expect(fieldOf('changes.groupSlots[1].leadFacilitatorId must be a male facilitator for a male group')).toBe('groupSlots.1.leadFacilitatorId');
    expect(fieldOf('changes.outreachPoints[0].facilitatorIds: k-1 is due at group slot k-slot-1 on weekday 4')).toBe('outreachPoints.0.facilitatorIds');
    expect(fieldOf('changes.outreachPoints[0].facilitatorIds[1] k-9 is not a facilitator of this centre')).toBe('outreachPoints.0.facilitatorIds');
    expect(fieldOf('changes.outreachPoints[0].windows[0] must hold a whole session of 4 hours')).toBe('outreachPoints.0.windows.0.end');
    expect(fieldOf('changes.outreachPoints[2].windows[1].start must be HH:MM')).toBe('outreachPoints.2.windows.1.start');
    expect(fieldOf('facilitator.weekly[0].end must be after facilitator.weekly[0].start')).toBe('weekly.0.end');
    expect(fieldOf('weekly[2] overlaps weekly[0] on weekday 3')).toBe('weekly.2.end');
    expect(fieldOf('exception.to must be after exception.from')).toBe('to');
    expect(fieldOf('changes.groupSlots[1] overlaps changes.groupSlots[0] on weekday 4 with the same facilitator')).toBeNull();
  });

  it('are put at their fields, and what names no field is left to say as it is', () => {
    const error = placeRules(refusal('changes.groupSlots[1].minutes must end the meeting by 24:00; changes.groupSlots[1] overlaps changes.groupSlots[0] on weekday 4 with the same facilitator'));
    expect((error as ApiProblem).fieldProblems).toEqual({ 'groupSlots.1.minutes': ['changes.groupSlots[1].minutes must end the meeting by 24:00'] });
    expect(unplacedReasons(error)).toEqual(['changes.groupSlots[1] overlaps changes.groupSlots[0] on weekday 4 with the same facilitator']);
  });

  it('leave the gateway’s own field problems and other refusals as they are', () => {
    const invalid = new ApiProblem(400, { statusCode: 400, message: ['groupSlots.0.minutes: too short'], problems: [{ field: 'groupSlots.0.minutes', rules: ['too short'] }] });
    expect(placeRules(invalid)).toBe(invalid);
    expect(unplacedReasons(invalid)).toEqual([]);
    const busy = new ApiProblem(409, { statusCode: 409, message: 'outreach point k-point-1 has sessions ahead; keep it until they are held' });
    expect(placeRules(busy)).toBe(busy);
    expect(unplacedReasons(busy)).toEqual(['outreach point k-point-1 has sessions ahead', 'keep it until they are held']);
  });
});
