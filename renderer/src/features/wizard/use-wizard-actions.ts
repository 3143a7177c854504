import { useEffect, useRef, useState, type Dispatch } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LookupResult, RegistryRecord } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/api-error';
import { useWorkspaceId } from '../../api/workspace-scope';
import { buildRegisterRequest, type RegisterMode } from './model/register-request';
import { invalidateRegistry } from './wizard-queries';
import type { WizardAction, WizardState, WizardStep } from './model/wizard-state';

export type Busy = 'lookup' | 'register' | null;

/** A failure, tied to the step it happened on so it disappears once the user moves on. */
export interface StepError {
  step: WizardStep;
  error: ApiError;
}

type Existing = NonNullable<LookupResult['existing']>;

const sameTarget = (a: WizardState, b: WizardState) =>
  a.accountId === b.accountId &&
  a.location === b.location &&
  a.cloudImageId === b.cloudImageId &&
  a.offline === b.offline;

/**
 * The wizard's two calls to main: "Next" on the image (registry:lookup) and Register
 * (registry:register). An answer that arrives after the user changed the target, or closed the
 * wizard, is dropped rather than applied to a question nobody is asking any more.
 */
export function useWizardActions(
  state: WizardState,
  dispatch: Dispatch<WizardAction>,
  onRegistered: (record: RegistryRecord) => void,
) {
  const api = useApi();
  const queryClient = useQueryClient();
  const workspaceId = useWorkspaceId();
  const [busy, setBusy] = useState<Busy>(null);
  const [stepError, setStepError] = useState<StepError | null>(null);
  /** Register said "already registered": the record to offer instead. */
  const [conflict, setConflict] = useState<Existing | null>(null);
  const latest = useRef(state);
  const mounted = useRef(true);

  useEffect(() => {
    latest.current = state;
  }, [state]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const askLookup = (cloudImageId: string, from: WizardState) =>
    api.invoke('registry:lookup', {
      workspaceId,
      target: { accountId: from.accountId, location: from.location, cloudImageId },
      offline: from.offline,
    });

  const lookup = async (cloudImageId: string) => {
    const asked = latest.current;
    setBusy('lookup');
    setStepError(null);
    setConflict(null);
    try {
      const result = await askLookup(cloudImageId, asked);
      if (mounted.current && sameTarget(asked, latest.current)) dispatch({ type: 'looked-up', result });
    } catch (error) {
      if (mounted.current) setStepError({ step: 'image', error: toApiError(error) });
    } finally {
      if (mounted.current) setBusy(null);
    }
  };

  const register = async (mode: RegisterMode) => {
    const asked = latest.current;
    const request = buildRegisterRequest(asked, workspaceId, mode);
    if (!request) return;
    setBusy('register');
    setStepError(null);
    setConflict(null);
    try {
      const record = await api.invoke('registry:register', request);
      void invalidateRegistry(queryClient);
      if (mounted.current) onRegistered(record);
    } catch (caught) {
      const error = toApiError(caught);
      if (!mounted.current) return;
      setStepError({ step: asked.step, error });
      // Registered meanwhile (another window, an import): ask again which record holds it.
      if (error.code === 'conflict') setConflict(await existingRecord(request.target.cloudImageId, asked));
    } finally {
      if (mounted.current) setBusy(null);
    }
  };

  const existingRecord = async (cloudImageId: string, from: WizardState): Promise<Existing | null> => {
    try {
      return (await askLookup(cloudImageId, from)).existing;
    } catch {
      return null;
    }
  };

  const visibleError = stepError && stepError.step === state.step ? stepError.error : null;
  return {
    busy,
    error: visibleError,
    conflict: conflict && state.step === 'review' ? conflict : null,
    lookup,
    register,
  };
}

export type WizardActions = ReturnType<typeof useWizardActions>;
