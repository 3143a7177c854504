import type { Dispatch } from 'react';
import type { LaunchOptions } from '@contract/index';
import type { LaunchAction, LaunchDraft } from './model/launch-draft';
import type { ResolvedChoices } from './model/launch-spec';
import type { PlaceChoice } from './model/place-choices';

/** What every step after "Where" gets: the draft, its errors, and what the cloud offers there. */
export interface StepProps {
  draft: LaunchDraft;
  dispatch: Dispatch<LaunchAction>;
  /** field → message, for this step only. */
  errors: Record<string, string>;
  options: LaunchOptions;
  choices: ResolvedChoices;
  place: PlaceChoice;
  /** The location the calls name (the zone on Compute Engine). */
  location: string;
}
