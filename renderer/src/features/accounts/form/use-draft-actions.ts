import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Account, AccountDraft } from '@contract/index';
import { useApi } from '../../../api/api-context';
import { toApiError, type ApiError } from '../../../api/api-error';
import { invalidateAccounts, invalidateCatalog } from '../../../api/queries';
import { useWorkspaceId } from '../../../api/workspace-scope';
import type { AccountFormRequest } from './account-form-request';
import { useEnvironmentChoice } from './account-target';
import type { CheckState } from './connection-check';

/** Any cloud's form schema: the flat form values in, the add request (minus where it goes) out. */
export type AccountFormSchema<Values> = z.ZodType<AccountFormRequest, Values>;

/**
 * The draft a form describes right now, or null (after showing the field errors) when it is not
 * valid yet. The name does not matter for a test, so a blank one does not block it.
 */
export async function draftOf<Values extends { name: string }>(
  schema: AccountFormSchema<Values>,
  values: Values,
  showErrors: () => Promise<unknown>,
): Promise<AccountDraft | null> {
  const parsed = await schema.safeParseAsync({ ...values, name: values.name.trim() || 'connection test' });
  if (parsed.success) return parsed.data.account;
  await showErrors();
  return null;
}

/**
 * "Test connection" and "Save account" for every cloud's form. Requests are built on the fly from
 * the inputs: the secret is never kept in React or TanStack Query state.
 */
export function useDraftActions(onSaved: (account: Account) => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  const workspaceId = useWorkspaceId();
  const environmentId = useEnvironmentChoice();
  const [check, setCheck] = useState<CheckState>({ state: 'idle' });
  const [saveError, setSaveError] = useState<ApiError | null>(null);

  const test = async (draft: AccountDraft, target: string) => {
    setCheck({ state: 'running', target });
    try {
      const result = await api.invoke('accounts:test', { draft });
      setCheck({ state: 'done', target, check: result });
    } catch (error) {
      setCheck({ state: 'failed', error: toApiError(error) });
    }
  };

  /** Resolves true once saved; on failure the inputs stay so the user can fix and retry. */
  const save = async (request: AccountFormRequest): Promise<boolean> => {
    setSaveError(null);
    try {
      // The window's own workspace, whatever the form held: forms never choose it.
      const account = await api.invoke('accounts:add', { ...request, workspaceId, environmentId });
      void invalidateAccounts(queryClient);
      void invalidateCatalog(queryClient);
      onSaved(account);
      return true;
    } catch (error) {
      setSaveError(toApiError(error));
      return false;
    }
  };

  return { check, testing: check.state === 'running', saveError, test, save };
}
