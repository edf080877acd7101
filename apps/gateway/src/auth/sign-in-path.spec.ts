import { isSignInPath } from './sign-in-path';

describe('the paths the sign-in door counts', () => {
  it.each(['/api/v1/auth/login', '/api/v1/auth/login?next=1', '/API/V1/Auth/Login', '/api/v1/auth/login/', '/api/v1/auth/login/x'])('counts %s, which Express routes to the sign-in', (url) => {
    expect(isSignInPath(url)).toBe(true);
  });

  it.each(['/api/v1/auth/loginx', '/api/v1/auth/logout', '/api/v1/auth', '/', undefined])('passes %s on uncounted', (url) => {
    expect(isSignInPath(url)).toBe(false);
  });
});
