import { isPersonalNumber, personPseudonym } from './person-pseudonym';

describe('the pseudonymous person id', () => {
  it('is stable for one number and key, differs by key, and never contains the number', () => {
    const pin = '21505198600123';
    const ref = personPseudonym(pin, 'a-key-of-at-least-thirty-two-characters');
    expect(ref).toMatch(/^[0-9a-f]{64}$/);
    expect(personPseudonym(pin, 'a-key-of-at-least-thirty-two-characters')).toBe(ref);
    expect(personPseudonym(pin, 'another-key-of-at-least-thirty-two-chars')).not.toBe(ref);
    expect(ref).not.toContain(pin);
  });

  it('accepts a 14-digit ПИН with a real birth date and refuses anything else', () => {
    expect(isPersonalNumber('21505198600123')).toBe(true);
    expect(isPersonalNumber('11502199000456')).toBe(true);
    expect(isPersonalNumber('31505198600123')).toBe(false);
    expect(isPersonalNumber('23102198600123')).toBe(false);
    expect(isPersonalNumber('2150519860012')).toBe(false);
    expect(isPersonalNumber('2150519860012x')).toBe(false);
  });
});
