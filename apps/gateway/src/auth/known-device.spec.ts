import { issueKnownDevice, KNOWN_DEVICE_LIFETIME_MS, knownDeviceIn, knownDeviceKey, readKnownDevice } from './known-device';

describe('known sign-in devices', () => {
  const key = knownDeviceKey('a-signing-secret-of-at-least-thirty-two-characters');
  const now = Date.parse('2026-12-03T10:00:00Z');
  const account = '6f1c7c2e-3b9a-4e51-9d7e-2b1f0a6c9e11';

  it('reads back the account of a token it issued, within its lifetime only', () => {
    const token = issueKnownDevice(key, account, now);
    expect(readKnownDevice(key, token, now)).toBe(account);
    expect(readKnownDevice(key, token, now + KNOWN_DEVICE_LIFETIME_MS - 1)).toBe(account);
    expect(readKnownDevice(key, token, now + KNOWN_DEVICE_LIFETIME_MS)).toBeNull();
    expect(readKnownDevice(key, token, now - 1)).toBeNull();
  });

  it('refuses a token for another account, another key, or altered in any part', () => {
    const token = issueKnownDevice(key, account, now);
    const [version, , issued, signature] = token.split('.');
    expect(readKnownDevice(key, [version, 'another-account', issued, signature].join('.'), now)).toBeNull();
    expect(readKnownDevice(key, [version, account, (now - 1000).toString(36), signature].join('.'), now)).toBeNull();
    expect(readKnownDevice(key, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, now)).toBeNull();
    expect(readKnownDevice(knownDeviceKey('another-signing-secret-of-thirty-two-characters'), token, now)).toBeNull();
    for (const junk of ['', 'd1', 'd1.a.b', 'd2.a.b.c', `${token}.extra`]) expect(readKnownDevice(key, junk, now)).toBeNull();
  });

  it('finds the token among a Cookie header’s cookies', () => {
    expect(knownDeviceIn('theme=dark; korgoo_device=d1.x.y.z; lang=ky')).toBe('d1.x.y.z');
    expect(knownDeviceIn('korgoo_device_old=1; other=2')).toBeNull();
    expect(knownDeviceIn(undefined)).toBeNull();
  });
});
