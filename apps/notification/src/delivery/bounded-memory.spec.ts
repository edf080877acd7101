import { BoundedMemory } from './bounded-memory';

describe('a bounded memory', () => {
  it('forgets the least recently set key once past its limit, and keeps what was set again', () => {
    const memory = new BoundedMemory<number>(2);
    memory.set('a', 1);
    memory.set('b', 2);
    memory.set('a', 3);
    memory.set('c', 4);
    expect([memory.get('a'), memory.has('b'), memory.get('c')]).toEqual([3, false, 4]);
    memory.delete('a');
    expect(memory.has('a')).toBe(false);
  });
});
