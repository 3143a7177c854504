import { useEffect, useRef, useState } from 'react';
import type { Account, RegistryRecord, Source } from '@contract/index';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { DiscardConfirm } from '../../components/discard-confirm';
import { StepIndicator } from '../../components/step-indicator';
import { useWizardActions } from './use-wizard-actions';
import { useWizardState } from './use-wizard-state';
import { useWizardData } from './wizard-queries';
import { WizardStepDetails } from './wizard-step-details';
import { WizardStepImage } from './wizard-step-image';
import { WizardStepLocation } from './wizard-step-location';
import { WizardStepLookup } from './wizard-step-lookup';
import { WizardStepReview } from './wizard-step-review';
import { stepNumber, stepTitle, WIZARD_STEPS, type WizardPrefill } from './model/wizard-state';

export interface RegisterWizardDialogProps {
  /** From the catalog's "Register…": the image, its account and location. */
  prefill?: WizardPrefill;
  /** Opened from a record's "Add a location…": offer the image found as another mapping of it. */
  addTo?: { recordId: string; name: string };
  onClose(): void;
  onRegistered(record: RegistryRecord): void;
  onOpenRecord(recordId: string): void;
}

/**
 * Registering a cloud image in the registry, one step at a time: where, which image, what the
 * cloud says about it, the record's details, review. All of it lives in one state object, so Back
 * loses nothing; focus moves to each step's heading; Escape asks before dropping what was entered.
 */
export function RegisterWizardDialog({
  prefill,
  addTo: addToRecord,
  onClose,
  onRegistered,
  onOpenRecord,
}: RegisterWizardDialogProps) {
  const data = useWizardData();
  const accounts = data.accounts.data;
  const sources = data.sources.data;
  const { state, dispatch } = useWizardState(prefill, accounts, sources);
  const actions = useWizardActions(state, dispatch, onRegistered);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const shownStep = useRef(state.step);

  // On a step change (not on opening, where the dialog focuses the first control) the heading
  // takes focus, so a screen reader says "Step 3 of 5: Lookup" and Tab starts at the step's top.
  useEffect(() => {
    if (shownStep.current === state.step) return;
    shownStep.current = state.step;
    headingRef.current?.focus();
  }, [state.step]);

  // The dialog focuses its first control when it opens, but the steps' controls arrive with the
  // accounts a moment later: then focus the step's chosen control, unless the user moved on.
  const ready = Boolean(accounts && sources) && (state.cloud !== null || accounts?.length === 0);
  useEffect(() => {
    const body = bodyRef.current;
    const panel = body?.closest<HTMLElement>('[role="dialog"]');
    if (!ready || !body || !panel || document.activeElement !== panel) return;
    body
      .querySelector<HTMLElement>('[data-autofocus], input:not([disabled]), select:not([disabled]), button')
      ?.focus();
  }, [ready]);

  // Back from "Discard?": to the step's heading, where the user was.
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (wasConfirming.current && !confirming) headingRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const requestClose = () => {
    if (confirming) setConfirming(false);
    else if (state.dirty || state.step !== 'location') setConfirming(true);
    else onClose();
  };
  const loadError = data.accounts.error ?? data.sources.error;

  return (
    <Dialog title="Register an image" onClose={requestClose} className="dialog-wide wizard">
      <StepIndicator label="Registration steps" steps={WIZARD_STEPS} current={stepNumber(state.step)} />
      {confirming && (
        <DiscardConfirm
          title="Discard this registration?"
          text="Nothing is registered yet; what you entered in the wizard is lost."
          onKeep={() => setConfirming(false)}
          onDiscard={onClose}
        />
      )}
      <div ref={bodyRef} className="wizard-body" hidden={confirming}>
        <h3 ref={headingRef} tabIndex={-1} className="wizard-step-title">
          {stepTitle(state.step)}
        </h3>
        {actions.error && (
          <ErrorMessage
            error={actions.error}
            context={state.step === 'image' ? 'Could not look the image up' : 'Could not register the image'}
            noAdvice={actions.error.code === 'conflict'}
          />
        )}
        {loadError ? (
          <ErrorMessage error={loadError} context="Could not load this workspace's accounts" />
        ) : !accounts || !sources ? (
          <p role="status">Loading the accounts…</p>
        ) : (
          renderStep(accounts, sources)
        )}
      </div>
    </Dialog>
  );

  // A plain function, not a component: a component defined here would remount (and lose its
  // inputs' state) on every render.
  function renderStep(accounts: readonly Account[], sources: readonly Source[]) {
    const cancel = requestClose;
    const addTo = (recordId: string) => void actions.register({ kind: 'add-to', recordId });
    if (state.step === 'location' || state.cloud === null) {
      return (
        <WizardStepLocation
          state={state}
          dispatch={dispatch}
          accounts={accounts}
          sources={sources}
          workspace={data.workspace}
          onCancel={cancel}
        />
      );
    }
    if (state.step === 'image' || state.lookup === null) {
      return (
        <WizardStepImage
          state={state}
          dispatch={dispatch}
          busy={actions.busy}
          onLookup={(id) => void actions.lookup(id)}
          onCancel={cancel}
        />
      );
    }
    if (state.step === 'lookup') {
      return (
        <WizardStepLookup
          state={{ ...state, lookup: state.lookup }}
          dispatch={dispatch}
          busy={actions.busy}
          onOpenRecord={onOpenRecord}
          onAddTo={addTo}
          addToRecord={addToRecord}
          onCancel={cancel}
        />
      );
    }
    if (state.step === 'details' || state.record === null) {
      return (
        <WizardStepDetails
          cloud={state.cloud}
          details={state.details}
          dispatch={dispatch}
          onCancel={cancel}
        />
      );
    }
    return (
      <WizardStepReview
        state={{ ...state, record: state.record }}
        dispatch={dispatch}
        accounts={accounts}
        workspace={data.workspace}
        busy={actions.busy}
        conflict={actions.conflict}
        onRegister={() => void actions.register({ kind: 'new' })}
        onOpenRecord={onOpenRecord}
        onAddTo={addTo}
        onCancel={cancel}
      />
    );
  }
}
