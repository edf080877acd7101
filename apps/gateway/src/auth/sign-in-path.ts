const SIGN_IN_PATH = '/api/v1/auth/login';

/** The paths Express would route to the sign-in: its matching ignores case, a trailing slash and the query. */
export function isSignInPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0].toLowerCase();
  return path === SIGN_IN_PATH || path.startsWith(`${SIGN_IN_PATH}/`);
}
