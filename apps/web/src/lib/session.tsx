import { createContext, ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { SessionResponse } from '../api/korgoo-api';
import { ApiClient, createApiClient } from './api-client';

export interface Session {
  username: string;
  role: SessionResponse['role'];
  centreId: string | null;
  accessToken: string;
  /** Single use: exchanged for a new pair when the access token lapses (15 minutes). */
  refreshToken: string;
}

interface SessionState {
  session: Session | null;
  /** True when neither the token nor the refresh token works: a sign-in dialog covers the screen, which stays as it was. */
  expired: boolean;
  api: ApiClient;
  /** `totpCode` once the account has a second factor (the API answers 401 naming totpCode without it). */
  signIn(username: string, password: string, totpCode?: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);
const STORAGE_KEY = 'korgoo.session';

function stored(): Session | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

function toSession(username: string, reply: SessionResponse): Session {
  return { username, role: reply.role, centreId: reply.centreId, accessToken: reply.accessToken, refreshToken: reply.refreshToken };
}

// Sign-in and refresh carry no access token, so they never ask for a renewal themselves.
const anonymous = createApiClient(() => null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(stored);
  const [expired, setExpired] = useState(false);
  // Requests refused while the person signs in again wait here, and go out with the new token.
  const waiting = useRef<Array<(token: string | null) => void>>([]);
  const renewing = useRef<Promise<string | null> | null>(null);

  const keep = useCallback((next: Session | null) => {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
    setSession(next);
  }, []);

  const release = useCallback((token: string | null) => {
    for (const resume of waiting.current.splice(0)) resume(token);
  }, []);

  const api = useMemo(() => {
    async function renewOnce(): Promise<string | null> {
      const current = stored();
      if (!current) return null;
      try {
        const reply = await anonymous.post<SessionResponse>('/api/v1/auth/refresh', { refreshToken: current.refreshToken });
        const next = toSession(current.username, reply);
        keep(next);
        return next.accessToken;
      } catch {
        // The refresh token lapsed or was revoked: only the person can sign in again.
        setExpired(true);
        return new Promise<string | null>((resume) => waiting.current.push(resume));
      }
    }
    // Several requests refused at once share one refresh: the refresh token works only once.
    const renew = () => (renewing.current ??= renewOnce().finally(() => (renewing.current = null)));
    // The token is read at request time, so a request sent again carries the new one.
    return createApiClient(() => stored()?.accessToken ?? null, renew);
  }, [keep]);

  const signIn = useCallback(
    async (username: string, password: string, totpCode?: string) => {
      const credentials = totpCode ? { username, password, totpCode } : { username, password };
      const next = toSession(username, await anonymous.post<SessionResponse>('/api/v1/auth/login', credentials));
      keep(next);
      setExpired(false);
      release(next.accessToken);
    },
    [keep, release],
  );

  const signOut = useCallback(() => {
    const current = stored();
    if (current) void anonymous.post('/api/v1/auth/logout', { refreshToken: current.refreshToken }).catch(() => undefined);
    keep(null);
    setExpired(false);
    release(null);
  }, [keep, release]);

  const value = useMemo(() => ({ session, expired, api, signIn, signOut }), [session, expired, api, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
