import { useCallback, useEffect, useState } from 'react';
import type { ImportCandidateView } from '@contract/index';
import { useApi } from '../../../api/api-context';
import { toApiError, type ApiError } from '../../../api/api-error';

export type Discovery =
  | { state: 'looking' }
  | { state: 'failed'; error: ApiError }
  | { state: 'found'; candidates: ImportCandidateView[]; errors: string[] };

/**
 * Asks main what credentials this machine holds (accounts:discover). Candidates carry no secret;
 * a Google key file the user picks is passed by its text once and not kept here.
 */
export function useDiscovery() {
  const api = useApi();
  const [discovery, setDiscovery] = useState<Discovery>({ state: 'looking' });

  const discover = useCallback(
    async (googleKeyFile?: { name: string; text: string }): Promise<ImportCandidateView[]> => {
      setDiscovery({ state: 'looking' });
      try {
        const result = await api.invoke('accounts:discover', googleKeyFile ? { googleKeyFile } : {});
        setDiscovery({ state: 'found', ...result });
        return result.candidates;
      } catch (error) {
        setDiscovery({ state: 'failed', error: toApiError(error) });
        return [];
      }
    },
    [api],
  );

  useEffect(() => {
    let live = true;
    api
      .invoke('accounts:discover', {})
      .then((result) => live && setDiscovery({ state: 'found', ...result }))
      .catch((error: unknown) => live && setDiscovery({ state: 'failed', error: toApiError(error) }));
    return () => {
      live = false;
    };
  }, [api]);

  /** Drops candidates once imported (main forgets them too). */
  const forget = useCallback((ids: ReadonlySet<string>) => {
    setDiscovery((current) =>
      current.state === 'found'
        ? { ...current, candidates: current.candidates.filter((c) => !ids.has(c.id)) }
        : current,
    );
  }, []);

  return { discovery, discover, forget };
}
