import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook } from '@testing-library/react';
import { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import i18n from '../i18n';
import type { Session } from '../lib/session';
import { SessionProvider } from '../lib/session';

/** One recorded request to the API, as the component sent it. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
  /** The bearer token it carried, if any. */
  token: string | null;
}

/** What the API answers; `offline` makes the request fail as fetch does with no network. */
type Answer = { status?: number; body?: unknown; text?: string; offline?: boolean };

/**
 * Renders a screen signed in as `role` (signed out when null), with the API answered by `answer` (per method
 * and path); the requests the screen sent are returned for assertions.
 */
export async function renderSignedIn(
  ui: ReactElement,
  { role, language = 'ky', answer }: { role: Session['role'] | null; language?: string; answer(request: SentRequest): Answer },
) {
  if (role) {
    const session: Session = { username: `${role}.test`, role, centreId: role === 'centre' ? 'naryn-asylzat' : null, accessToken: 'token', refreshToken: 'refresh' };
    sessionStorage.setItem('korgoo.session', JSON.stringify(session));
  } else sessionStorage.removeItem('korgoo.session');
  await i18n.changeLanguage(language);
  const sent: SentRequest[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    const authorization = (init.headers as Record<string, string> | undefined)?.authorization;
    const request = {
      method: init.method ?? 'GET',
      path,
      body: init.body ? JSON.parse(init.body as string) : undefined,
      token: authorization?.replace(/^Bearer /, '') ?? null,
    };
    sent.push(request);
    const { status = 200, body, text, offline } = answer(request);
    if (offline) throw new TypeError('Failed to fetch');
    return new Response(text ?? (body === undefined ? '' : JSON.stringify(body)), { status });
  });
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = render(
    <MantineProvider env="test">
      <QueryClientProvider client={queries}>
        <SessionProvider>{ui}</SessionProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, sent };
}

/**
 * What a hook gives in `language`, rendered once and unmounted at once: a hook left mounted re-renders on every
 * later language change, and work React still has scheduled when the file's environment is torn down fails there.
 */
export async function hookValueIn<T>(language: string, hook: () => T): Promise<T> {
  await i18n.changeLanguage(language);
  const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
  const { result, unmount } = renderHook(hook, { wrapper });
  unmount();
  return result.current;
}
