import { Clock, SettableClock } from './clock';

describe('SettableClock', () => {
  let base = 1_000_000;
  const source: Clock = { now: () => new Date(base) };

  it('follows its source until set, then keeps the offset while the source moves on', () => {
    const clock = new SettableClock(source);
    expect(clock.now().getTime()).toBe(1_000_000);
    clock.set(new Date(5_000_000));
    base += 250;
    expect(clock.now().getTime()).toBe(5_000_250);
    clock.advance(1_000);
    expect(clock.now().getTime()).toBe(5_001_250);
  });
});
