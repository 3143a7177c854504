import { useEffect, useReducer } from 'react';
import type { Account, Source } from '@contract/index';
import { CLOUDS } from '../../lib/clouds';
import { cloudsWithAccounts, locationsOf, onlyChoice } from './model/wizard-rules';
import { initialWizardState, wizardReducer, type WizardPrefill } from './model/wizard-state';

/**
 * The wizard's one state object. Once accounts and sources are known it settles the starting
 * cloud: the prefilled account's, else the first cloud with an account, with the account and
 * location taken when there is only one to choose.
 */
export function useWizardState(
  prefill: WizardPrefill | undefined,
  accounts: readonly Account[] | undefined,
  sources: readonly Source[] | undefined,
) {
  const [state, dispatch] = useReducer(wizardReducer, prefill, initialWizardState);
  const needsCloud = state.cloud === null;

  useEffect(() => {
    if (!needsCloud || !accounts || !sources) return;
    const prefilled = prefill && accounts.find((a) => a.id === prefill.accountId);
    if (prefilled) {
      dispatch({
        type: 'init-cloud',
        cloud: prefilled.cloud,
        accountId: prefilled.id,
        location: prefill.location,
      });
      return;
    }
    const cloud = cloudsWithAccounts(accounts, CLOUDS)[0];
    if (!cloud) return;
    const accountId = onlyChoice(accounts.filter((a) => a.cloud === cloud).map((a) => a.id));
    dispatch({ type: 'init-cloud', cloud, accountId, location: onlyChoice(locationsOf(sources, accountId)) });
  }, [needsCloud, accounts, sources, prefill]);

  return { state, dispatch };
}
