import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './app/App';
import { cssVariables, theme } from './app/theme';
import { ApiProblem } from './lib/api-client';
import { SessionProvider } from './lib/session';

const queries = new QueryClient({
  defaultOptions: {
    // A refused request (4xx) is an answer, not a network blip: retry only what may succeed on a second try.
    queries: { retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 3 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <QueryClientProvider client={queries}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
