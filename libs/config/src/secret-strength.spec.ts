import { randomBytes } from 'node:crypto';
import { estimatedEntropyBits, secretWeakness } from './secret-strength';

describe('secretWeakness', () => {
  it.each([
    ['CHANGE_ME_TO_AT_LEAST_32_RANDOM_CHARACTERS', 'published placeholder'],
    ['development-only-secret-change-me-0123456789', 'published placeholder'],
    ['korgoo-development-only-secret', 'at least 32 characters'],
    ['an-example-secret-for-the-readme-0123456789', 'published placeholder'],
    ['a'.repeat(64), 'looks guessable'],
    ['abcdefghijklmnopqrstuvwxyz0123456789ABCDEF', 'looks guessable'],
    ['passwordpasswordpasswordpassword12', 'looks guessable'],
  ])('refuses %s', (value, reason) => {
    expect(secretWeakness(value)).toContain(reason);
  });

  it('accepts random secrets of the usual encodings, every time', () => {
    for (let i = 0; i < 200; i += 1) {
      expect(secretWeakness(randomBytes(24).toString('base64'))).toBeNull();
      expect(secretWeakness(randomBytes(16).toString('hex'))).toBeNull();
      expect(secretWeakness(randomBytes(32).toString('base64url'))).toBeNull();
    }
  });

  it('scores by character frequencies: one repeated character carries nothing', () => {
    expect(estimatedEntropyBits('zzzzzzzzzz')).toBe(0);
    expect(estimatedEntropyBits('abab')).toBe(4);
  });
});
