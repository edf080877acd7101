import { describe, expect, it } from 'vitest';
import { getAtPath, setAtPath } from './paths';

describe('form paths', () => {
  it('sets a nested answer without touching its neighbours', () => {
    const screening = setAtPath({ items: { confinement: 'no' } }, 'items.threatToHarmOrKill', 'yes');
    expect(screening).toEqual({ items: { confinement: 'no', threatToHarmOrKill: 'yes' } });
    expect(getAtPath(screening, 'items.threatToHarmOrKill')).toBe('yes');
  });

  it('creates the objects a deep path needs', () => {
    expect(setAtPath({}, 'immediateDanger.critical.usedOrThreatenedWeapon', 'no')).toEqual({
      immediateDanger: { critical: { usedOrThreatenedWeapon: 'no' } },
    });
  });
});
