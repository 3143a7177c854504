import { useEffect, useReducer, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { WizardFooter } from '../wizard/wizard-footer';
import { WizardForm } from '../wizard/wizard-form';
import { DiscardConfirm } from '../../components/discard-confirm';
import { StepIndicator } from '../../components/step-indicator';
import { initialDraft, launchReducer } from './model/launch-draft';
import { buildLaunchSpec, scriptPreviewSpec } from './model/launch-spec';
import {
  fieldInputId,
  LAUNCH_STEPS,
  nextStep,
  previousStep,
  stepNumber,
  stepTitle,
  type LaunchStep,
} from './model/launch-steps';
import {
  defaultZone,
  isGcpZone,
  launchLocation,
  serverNameFrom,
  type LaunchSource,
  type PlaceChoice,
} from './model/place-choices';
import { groupProblems, stepErrors } from './model/problem-groups';
import { StepAccess } from './step-access';
import { StepDetails } from './step-details';
import { StepHardware } from './step-hardware';
import { StepNetwork } from './step-network';
import type { StepProps } from './step-props';
import { StepStorage } from './step-storage';
import { StepSummary } from './step-summary';
import { StepWhere } from './step-where';
import { useLaunchOptions, useLaunchPlaces, useLaunchPreview } from './use-launch-data';

export interface LaunchDialogProps {
  source: LaunchSource;
  onClose(): void;
  onLaunched(result: { launchId: string; operationId: string }): void;
}

const TITLE = 'Launch a server';

/** Launching servers from a registry record or a catalog image, in seven steps (see LaunchWizard). */
export function LaunchDialog(props: LaunchDialogProps) {
  const { places, title, error, refusal } = useLaunchPlaces(props.source);
  if (places && places.length > 0 && !refusal)
    return <LaunchWizard {...props} places={places} title={title} />;
  return (
    <Dialog title={TITLE} onClose={props.onClose} className="dialog-wide wizard">
      {error ? (
        <ErrorMessage error={error} context="Could not read where this can launch" />
      ) : refusal ? (
        <p>{refusal}</p>
      ) : (
        <p role="status">Loading where {title} can launch…</p>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

interface LaunchWizardProps extends LaunchDialogProps {
  places: PlaceChoice[];
  title: string;
}

/**
 * The steps: where, hardware, network, access key, storage, details, summary. One draft holds
 * everything, so Back loses nothing; each step's Next checks that step's fields (errors inline,
 * focus on the first); the summary asks the cloud (launch:preview) and links each problem back to
 * its step; Launch is possible only with none left.
 */
function LaunchWizard({ source, places, title, onClose, onLaunched }: LaunchWizardProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const [draft, dispatch] = useReducer(launchReducer, null, () => {
    const first = places.find((p) => !p.warning) ?? places[0] ?? null;
    const name = serverNameFrom(source.kind === 'image' ? source.name || source.imageId : title);
    return initialDraft({ placeId: first?.id ?? '', zone: defaultZone(first), name });
  });
  const [attempted, setAttempted] = useState<ReadonlySet<LaunchStep>>(() => new Set());
  const [confirming, setConfirming] = useState(false);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const place = places.find((p) => p.id === draft.placeId) ?? null;
  const location = place ? launchLocation(place, draft.zone) : '';
  const placeReady = place !== null && (place.cloud !== 'gcp' || isGcpZone(draft.zone));
  const optionsQuery = useLaunchOptions(place, location, placeReady);
  const options = placeReady ? (optionsQuery.data ?? null) : null;
  const context = {
    workspaceId,
    recordId: source.kind === 'record' ? source.recordId : null,
    place,
    options,
  };
  const built = buildLaunchSpec(draft, context);
  const preview = useLaunchPreview(built.valid ? built.spec : null, draft.step === 'summary');
  // Answers for this exact spec only (the query is keyed by it): an edit clears the cloud's problems.
  const previewProblems = preview.data?.problems ?? [];
  const errors = stepErrors(draft.step, attempted.has(draft.step) ? built.problems : [], previewProblems);
  const problemGroups = groupProblems(built.problems, previewProblems);
  const canLaunch =
    built.valid &&
    preview.data !== undefined &&
    !preview.isFetching &&
    problemGroups.length === 0 &&
    !starting;

  // Each step change puts focus on its heading, so "Step 3 of 7: Network" is read and Tab starts there.
  const shownStep = useRef(draft.step);
  useEffect(() => {
    if (shownStep.current === draft.step) return;
    shownStep.current = draft.step;
    headingRef.current?.focus();
  }, [draft.step]);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (wasConfirming.current && !confirming) headingRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const requestClose = () => {
    if (starting) return;
    if (confirming) setConfirming(false);
    else if (draft.dirty || draft.step !== 'where') setConfirming(true);
    else onClose();
  };
  const show = (step: LaunchStep) =>
    setAttempted((seen) => (seen.has(step) ? seen : new Set([...seen, step])));
  const goTo = (step: LaunchStep) => {
    show(step);
    dispatch({ type: 'go', step });
  };
  const next = () => {
    const here = Object.keys(stepErrors(draft.step, built.problems));
    if (here.length > 0) {
      show(draft.step);
      document.getElementById(fieldInputId(here[0]!))?.focus();
      return;
    }
    // Step 1 waits for what the cloud offers there; the status line says so meanwhile.
    if (draft.step === 'where' && !options) return;
    dispatch({ type: 'go', step: nextStep(draft.step) });
  };
  const launch = async () => {
    if (!canLaunch || !built.spec) return;
    setStarting(true);
    setStartError(null);
    try {
      onLaunched(await api.invoke('launch:start', built.spec));
    } catch (failure) {
      setStartError(failure);
      setStarting(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.step === 'summary') void launch();
    else next();
  };

  const waiting = draft.step === 'where' && placeReady && !options && optionsQuery.isFetching;
  return (
    <Dialog title={TITLE} onClose={requestClose} className="dialog-wide wizard launch-dialog">
      <StepIndicator label="Launch steps" steps={LAUNCH_STEPS} current={stepNumber(draft.step)} />
      {confirming && (
        <DiscardConfirm
          title="Discard this launch?"
          text="Nothing is launched yet; the choices made here are lost. Key pairs and security groups already created stay in the cloud."
          onKeep={() => setConfirming(false)}
          onDiscard={onClose}
        />
      )}
      <div className="wizard-body" hidden={confirming}>
        <h3 ref={headingRef} tabIndex={-1} className="wizard-step-title">
          {stepTitle(draft.step)}
        </h3>
        <WizardForm onSubmit={onSubmit}>
          {renderStep()}
          {startError !== null && <ErrorMessage error={startError} context="Could not launch" />}
          {draft.step === 'summary' ? (
            <div className="dialog-actions wizard-actions">
              <button type="button" className="button-quiet" onClick={requestClose} disabled={starting}>
                Cancel
              </button>
              <span className="spacer" />
              {!canLaunch && !starting && (
                <span id="launch-blocked" className="field-hint">
                  {preview.isFetching
                    ? 'Checking…'
                    : problemGroups.length > 0
                      ? 'Fix the problems above first.'
                      : ''}
                </span>
              )}
              <button type="button" onClick={() => goTo(previousStep(draft.step))} disabled={starting}>
                Back
              </button>
              <button
                type="submit"
                className="button-primary"
                disabled={!canLaunch}
                aria-busy={starting || undefined}
                aria-describedby={canLaunch ? undefined : 'launch-blocked'}
              >
                Launch
              </button>
            </div>
          ) : (
            <WizardFooter
              onCancel={requestClose}
              onBack={
                draft.step === 'where'
                  ? undefined
                  : () => dispatch({ type: 'go', step: previousStep(draft.step) })
              }
              nextLabel="Next"
              busy={waiting}
            />
          )}
        </WizardForm>
      </div>
    </Dialog>
  );

  // A plain function, not a component: a component defined here would remount on every render.
  function renderStep() {
    if (draft.step === 'where' || !place || !options || !built.choices) {
      return (
        <StepWhere
          source={source}
          title={title}
          places={places}
          place={place}
          draft={draft}
          dispatch={dispatch}
          errors={errors}
          options={{
            data: options ?? undefined,
            isFetching: optionsQuery.isFetching,
            error: placeReady ? optionsQuery.error : null,
            retry: () => void optionsQuery.refetch(),
          }}
        />
      );
    }
    const props: StepProps = { draft, dispatch, errors, options, choices: built.choices, place, location };
    switch (draft.step) {
      case 'hardware':
        return <StepHardware {...props} />;
      case 'network':
        return <StepNetwork {...props} />;
      case 'access':
        return <StepAccess {...props} />;
      case 'storage':
        return <StepStorage {...props} scriptSpec={scriptPreviewSpec(draft, context)} />;
      case 'details':
        return <StepDetails {...props} />;
      case 'summary':
        return (
          <StepSummary
            {...props}
            preview={{
              data: preview.data,
              isFetching: preview.isFetching,
              error: preview.error,
              retry: () => void preview.refetch(),
            }}
            problems={problemGroups}
            onGoTo={goTo}
          />
        );
    }
  }
}
