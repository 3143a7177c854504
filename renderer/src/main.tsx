import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiClient } from './api/api-client';
import { ApiProvider } from './api/api-context';
import { ApiError } from './api/api-error';
import { connectTransport } from './api/bridge';
import { workspaceOfKey } from './api/queries';
import { App } from './app';
import './styles/base.css';
import './styles/clouds.css';
import './styles/layout.css';
import './styles/sidebar.css';
import './styles/catalog.css';
import './styles/forms.css';
import './styles/toolbar.css';
import './styles/facets.css';
import './styles/details.css';
import './styles/timeline.css';
import './styles/workspaces.css';
import './styles/registry.css';
import './styles/wizard.css';
import './styles/launch.css';
import './styles/lifecycle.css';

// Our CSP forbids eval: tell zod not to probe `new Function` (which logs a CSP violation).
z.config({ jitless: true });

// Codes worth a quick retry; everything else is an answer, not a glitch.
const TRANSIENT = new Set(['cloud-throttled', 'host-unreachable']);

const transport = connectTransport();
const api = new ApiClient(transport);
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      // A workspace removed in another window: refetch the list so this window moves on.
      if (error instanceof ApiError && error.code === 'not-found' && workspaceOfKey(query.queryKey)) {
        void queryClient.invalidateQueries({ queryKey: ['workspaces:list'] });
      }
    },
  }),
  defaultOptions: {
    queries: {
      // Main pushes `catalog:changed` when data changes, so focus refetches add nothing.
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      retry: (failures, error) => failures < 2 && error instanceof ApiError && TRANSIENT.has(error.code),
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api} transport={transport}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
