import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { SessionResponse } from '../api/korgoo-api';
import { ApiClient, createApiClient } from './api-client';

export interface Session {
  username: string;
  role: SessionResponse['role'];
  centreId: string | null;
  accessToken: string;
}

interface SessionState {
  session: Session | null;
  /** True when the API refused the token: a sign-in dialog covers the screen, which stays as it was. */
  expired: boolean;
  api: ApiClient;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);
const STORAGE_KEY = 'korgoo.session';

function stored(): Session | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(stored);
  const [expired, setExpired] = useState(false);
  // The token is read at request time, so requests retried after signing in again carry the new one.
  const api = useMemo(() => createApiClient(() => stored()?.accessToken ?? null, () => setExpired(true)), []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const login = await api.post<SessionResponse>('/api/v1/auth/login', { username, password });
      const next: Session = { username, role: login.role, centreId: login.centreId, accessToken: login.accessToken };
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      setSession(next);
      setExpired(false);
    },
    [api],
  );

  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
    setExpired(false);
  }, []);

  const value = useMemo(() => ({ session, expired, api, signIn, signOut }), [session, expired, api, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
