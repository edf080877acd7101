import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ky from '../../i18n/locales/ky.json';
import ru from '../../i18n/locales/ru.json';
import { renderSignedIn, SentRequest } from '../../test/render';
import { SecondFactorScreen } from './SecondFactorScreen';

const ENROLMENT = '/api/v1/auth/second-factor/enrolment';
const CONFIRMATION = '/api/v1/auth/second-factor/confirmation';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Korgoo:coordinator.test?issuer=Korgoo&secret=${SECRET}&algorithm=SHA1&digits=6&period=30`;

/** An account without a second factor yet, whose app shows 123456 for the new secret. */
function enrolling(request: SentRequest) {
  if (request.method === 'GET') return { body: { inForceSince: null } };
  if (request.path === ENROLMENT) return { body: { otpauthUri: URI, secret: SECRET } };
  if ((request.body as { code: string }).code === '123456') return { status: 204 };
  return { status: 400, body: { statusCode: 400, message: ['code: code must be the current six-digit code of the authenticator app'], problems: [{ field: 'code', rules: ['code must be the current six-digit code of the authenticator app'] }] } };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a coordinator adds a second factor', () => {
  it('shows the new secret as a QR code and as a key, refuses a wrong code at its field, then turns it on', async () => {
    const { sent } = await renderSignedIn(<SecondFactorScreen />, { role: 'coordinator', answer: enrolling });
    fireEvent.click(screen.getByRole('button', { name: ky.secondFactor.start }));

    const qr = await screen.findByRole('img', { name: ky.secondFactor.qrLabel });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelectorAll('path').length).toBeGreaterThan(0);
    expect(screen.getByLabelText(ky.secondFactor.keyLabel).textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');

    const code = screen.getByLabelText(ky.secondFactor.code, { exact: false });
    fireEvent.change(code, { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: ky.secondFactor.confirm }));
    expect(await screen.findByText(ky.secondFactor.codeWrong)).toBeTruthy();

    fireEvent.change(code, { target: { value: ' 123456 ' } });
    fireEvent.click(screen.getByRole('button', { name: ky.secondFactor.confirm }));
    expect((await screen.findByRole('status')).textContent).toBe(ky.secondFactor.enabled);
    // The secret is shown once: with the factor in force it leaves the screen.
    expect(screen.queryByLabelText(ky.secondFactor.keyLabel)).toBeNull();
    expect(screen.queryByRole('img', { name: ky.secondFactor.qrLabel })).toBeNull();
    expect(screen.queryByRole('button', { name: ky.secondFactor.start })).toBeNull();

    expect(sent.filter((request) => request.method === 'POST').map((request) => [request.method, request.path, request.body])).toEqual([
      ['POST', ENROLMENT, undefined],
      ['POST', CONFIRMATION, { code: '654321' }],
      ['POST', CONFIRMATION, { code: '123456' }],
    ]);
  });

  it('starts again with a new key when the first could not be scanned', async () => {
    let enrolments = 0;
    const { sent } = await renderSignedIn(<SecondFactorScreen />, {
      role: 'admin',
      language: 'ru',
      answer: () => ({ body: { otpauthUri: URI, secret: ++enrolments === 1 ? SECRET : 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' } }),
    });
    fireEvent.click(screen.getByRole('button', { name: ru.secondFactor.start }));
    await screen.findByRole('img', { name: ru.secondFactor.qrLabel });
    fireEvent.click(screen.getByRole('button', { name: ru.secondFactor.restart }));
    expect((await screen.findByText(/^KRSX/)).textContent).toBe('KRSX G5CT MVRX EZLU KRSX G5CT MVRX EZLU');
    expect(sent.filter((request) => request.path === ENROLMENT)).toHaveLength(2);
  });

  it('says at once that the account already signs in with a code, offering no new key', async () => {
    const { sent } = await renderSignedIn(<SecondFactorScreen />, { role: 'coordinator', answer: () => ({ body: { inForceSince: '2026-11-30T08:00:00.000Z' } }) });
    expect((await screen.findByRole('status')).textContent).toBe(ky.secondFactor.alreadyOn);
    expect(screen.queryByRole('button', { name: ky.secondFactor.start })).toBeNull();
    expect(sent.map((request) => [request.method, request.path])).toEqual([['GET', '/api/v1/auth/second-factor']]);
  });

  it('says so when the account already signs in with a code, and when the API fails', async () => {
    await renderSignedIn(<SecondFactorScreen />, {
      role: 'coordinator',
      answer: () => ({ status: 409, body: { statusCode: 409, message: 'this account already signs in with a second factor' } }),
    });
    fireEvent.click(screen.getByRole('button', { name: ky.secondFactor.start }));
    expect((await screen.findByRole('status')).textContent).toBe(ky.secondFactor.alreadyOn);
    expect(screen.queryByRole('button', { name: ky.secondFactor.start })).toBeNull();
    cleanup();

    await renderSignedIn(<SecondFactorScreen />, { role: 'coordinator', answer: () => ({ status: 503, body: { statusCode: 503, message: 'no answer' } }) });
    fireEvent.click(screen.getByRole('button', { name: ky.secondFactor.start }));
    expect((await screen.findByRole('alert')).textContent).toBe(ky.form.failed);
    expect(screen.getByRole('button', { name: ky.secondFactor.start })).toBeTruthy();
  });
});
