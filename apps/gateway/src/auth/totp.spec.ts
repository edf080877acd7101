import { acceptedStep, newTotpSecret, otpauthUri, totpCode } from './totp';

describe('the TOTP second factor', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-12-03T10:00:10Z');
  const step = Math.floor(now.getTime() / 30_000);

  it('gives the authenticator app an otpauth URI with the issuer, the username and the secret', () => {
    const text = otpauthUri(secret, 'admin.demo');
    expect(text.startsWith('otpauth://totp/Korgoo:admin.demo?')).toBe(true);
    const uri = new URL(text);
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Korgoo');
  });

  it('accepts the current code and one step either side, nothing older', () => {
    expect(acceptedStep(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(acceptedStep(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(acceptedStep(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now, null)).toBe(step + 1);
    expect(acceptedStep(secret, totpCode(secret, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
  });

  it('refuses a code used before, or one older than the last used', () => {
    const code = totpCode(secret, now);
    expect(acceptedStep(secret, code, now, step)).toBeNull();
    expect(acceptedStep(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now, step)).toBeNull();
    expect(acceptedStep(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now, step)).toBe(step + 1);
  });

  it('refuses another secret’s code and anything that is not six digits', () => {
    expect(acceptedStep(secret, totpCode(newTotpSecret(), now), now, null)).toBeNull();
    expect(acceptedStep(secret, 'abcdef', now, null)).toBeNull();
  });
});
