import type { Dispatch } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { WizardField, fieldAria } from './wizard-field';
import { useTemplates } from './wizard-queries';
import type { WizardAction, WizardState } from './model/wizard-state';

interface TemplatePickerProps {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  error: string | undefined;
}

/**
 * VMware: the templates the account sees at the location, as a list (templates are chosen, never
 * typed), plus the optional compute resource launches are placed on.
 */
export function TemplatePicker({ state, dispatch, error }: TemplatePickerProps) {
  const templates = useTemplates(state.accountId, state.location, true);
  const list = templates.data?.templates ?? [];
  const chosenMissing = state.cloudImageId !== '' && !list.some((t) => t.id === state.cloudImageId);
  const hint = templates.isPending
    ? 'Loading the templates…'
    : `${list.length} template${list.length === 1 ? '' : 's'} at ${state.location}.`;

  return (
    <>
      <WizardField id="wizard-image-id" label="Template" error={error} hint={hint} required>
        <select
          id="wizard-image-id"
          value={state.cloudImageId}
          aria-required="true"
          aria-busy={templates.isPending || undefined}
          {...fieldAria('wizard-image-id', true, error)}
          onChange={(event) => dispatch({ type: 'set-target', patch: { cloudImageId: event.target.value } })}
        >
          <option value="">{templates.isPending ? 'Loading templates…' : 'Choose a template…'}</option>
          {chosenMissing && (
            <option value={state.cloudImageId}>{state.cloudImageId} (not in the list)</option>
          )}
          {list.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name} ({template.kind}
              {template.osVersion ? `, ${template.osFamily} ${template.osVersion}` : `, ${template.osFamily}`}
              )
            </option>
          ))}
        </select>
      </WizardField>
      {templates.data?.from === 'cache' && (
        <p className="wizard-cache-flag" role="status">
          These templates come from the cache, not from vCenter:{' '}
          {templates.data.offlineReason ?? 'it was not asked.'}
        </p>
      )}
      {templates.isError && (
        <div className="wizard-inline-error">
          <ErrorMessage error={templates.error} context="Could not list the templates" />
          <button type="button" onClick={() => void templates.refetch()}>
            Try again
          </button>
        </div>
      )}
      <WizardField
        id="wizard-compute-resource"
        label="Compute resource"
        error={undefined}
        hint="Optional: the cluster or resource pool launches are placed on (it decides networks and placement)."
      >
        <input
          id="wizard-compute-resource"
          type="text"
          value={state.computeResource}
          autoComplete="off"
          spellCheck={false}
          {...fieldAria('wizard-compute-resource', true, undefined)}
          onChange={(event) => dispatch({ type: 'set', patch: { computeResource: event.target.value } })}
        />
      </WizardField>
    </>
  );
}
