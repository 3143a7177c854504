import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from './api-client';
import type { Transport } from './bridge';
import type { TransportStatus } from './transport-status';

interface ApiContextValue {
  api: ApiClient;
  transport: Transport;
}

const ApiContext = createContext<ApiContextValue | null>(null);

/** Injects the client (rather than a module singleton) so components can be rendered against a fake. */
export function ApiProvider({ api, transport, children }: ApiContextValue & { children: ReactNode }) {
  const value = useMemo(() => ({ api, transport }), [api, transport]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('ApiProvider is missing above this component');
  return value;
}

export function useApi(): ApiClient {
  return useApiContext().api;
}

export function useTransportStatus(): TransportStatus {
  const { status } = useApiContext().transport;
  return useSyncExternalStore(status.subscribe, status.get);
}
