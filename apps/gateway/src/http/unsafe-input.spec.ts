import { unsafeField } from './unsafe-input';

describe('unsafeField', () => {
  it.each([
    [{ a: 'fine', b: { c: ['x', 'y\u0000'] } }, 'b.c[1]'],
    [{ ['k\u0000']: 1 }, 'k\u0000'],
    ['\u0000', '(body)'],
    [{ a: 'ң ө ү', n: 5, z: null }, null],
  ])('finds the field holding a NUL in %j', (value, expected) => {
    expect(unsafeField(value)?.field ?? null).toBe(expected);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])('refuses the key %s, which the object mapper would drop unseen', (key) => {
    expect(unsafeField(JSON.parse(`{"a": {"${key}": []}}`))).toEqual({ field: `a.${key}`, rule: `property a.${key} should not exist` });
  });
});
