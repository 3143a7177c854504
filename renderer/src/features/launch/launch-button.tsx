import { useId } from 'react';
import { useLaunchActions } from './launch-actions';
import type { LaunchSource } from './model/place-choices';

interface LaunchButtonProps {
  source: LaunchSource;
  /** Why it cannot launch (a deleted record, no mappings); the button is then disabled and says so. */
  disabledReason?: string | null;
}

/** "Launch…" for a details pane: opens the launch dialog, or says why it cannot. */
export function LaunchButton({ source, disabledReason = null }: LaunchButtonProps) {
  const actions = useLaunchActions();
  const reasonId = useId();
  if (!actions) return null;
  return (
    <>
      <button
        type="button"
        disabled={disabledReason !== null}
        aria-describedby={disabledReason ? reasonId : undefined}
        title={disabledReason ?? undefined}
        onClick={() => actions.launch(source)}
      >
        Launch…
      </button>
      {disabledReason && (
        <span id={reasonId} className="field-hint launch-refusal">
          {disabledReason}
        </span>
      )}
    </>
  );
}
