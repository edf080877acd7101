import { nulCharacterPath } from './nul-characters';

describe('nulCharacterPath', () => {
  it.each([
    [{ a: 'fine', b: { c: ['x', 'y\u0000'] } }, 'b.c[1]'],
    [{ ['k\u0000']: 1 }, 'k\u0000'],
    ['\u0000', '(body)'],
    [{ a: 'ң ө ү', n: 5, z: null }, null],
  ])('finds the field holding a NUL in %j', (value, expected) => {
    expect(nulCharacterPath(value)).toBe(expected);
  });
});
