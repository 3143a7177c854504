import type { Cloud, LookupResult, RegistryRecordFields } from '@contract/index';
import { emptyDetails, prefillDetails, type DetailsValues } from './details-form';

export type WizardStep = 'location' | 'image' | 'lookup' | 'details' | 'review';

/** The five steps in order, with the names the step indicator and headings use. */
export const WIZARD_STEPS: readonly { id: WizardStep; label: string }[] = [
  { id: 'location', label: 'Cloud and location' },
  { id: 'image', label: 'Image' },
  { id: 'lookup', label: 'Lookup' },
  { id: 'details', label: 'Details' },
  { id: 'review', label: 'Review' },
];

export function stepNumber(step: WizardStep): number {
  return WIZARD_STEPS.findIndex((s) => s.id === step) + 1;
}

/** "Step 2 of 5: Image". */
export function stepTitle(step: WizardStep): string {
  const label = WIZARD_STEPS.find((s) => s.id === step)?.label ?? step;
  return `Step ${stepNumber(step)} of ${WIZARD_STEPS.length}: ${label}`;
}

export interface WizardPrefill {
  accountId: string;
  location: string;
  cloudImageId: string;
}

/**
 * Everything the wizard knows, in one object: going Back and Next only moves `step`, so nothing a
 * user entered is lost. A lookup belongs to the target it was made for; changing the target drops it.
 */
export interface WizardState {
  step: WizardStep;
  /** Null until the accounts are known (the first cloud that has one, or the prefilled account's). */
  cloud: Cloud | null;
  accountId: string;
  location: string;
  /** '' = the workspace level. */
  environmentId: string;
  /** Share a workspace-level record to the environments below it. */
  shared: boolean;
  cloudImageId: string;
  /** VMware only: the cluster or resource pool launches go to. */
  computeResource: string;
  offline: boolean;
  lookup: LookupResult | null;
  /** The user ticked "register anyway" for the lookup's warnings (or its cache-only answer). */
  acknowledged: boolean;
  details: DetailsValues;
  /** The image (lookupKey) the details were last pre-filled from. */
  prefilledFor: string | null;
  /** The parsed details, set when the details page was left with Next. */
  record: RegistryRecordFields | null;
  /** Something was entered or chosen by the user: closing asks first. */
  dirty: boolean;
}

type TargetPatch = Partial<Pick<WizardState, 'location' | 'cloudImageId' | 'offline'>>;
type ScopePatch = Partial<Pick<WizardState, 'environmentId' | 'shared' | 'computeResource' | 'acknowledged'>>;

export type WizardAction =
  /** The cloud to start with once accounts are known; not a user edit. */
  | { type: 'init-cloud'; cloud: Cloud; accountId: string; location: string }
  | { type: 'choose-cloud'; cloud: Cloud; accountId: string; location: string }
  | { type: 'choose-account'; accountId: string; location: string }
  | { type: 'set-target'; patch: TargetPatch }
  | { type: 'set'; patch: ScopePatch }
  | { type: 'looked-up'; result: LookupResult }
  | { type: 'save-details'; values: DetailsValues; record: RegistryRecordFields | null; step: WizardStep }
  | { type: 'go'; step: WizardStep };

export function initialWizardState(prefill?: WizardPrefill): WizardState {
  return {
    step: 'location',
    cloud: null,
    accountId: prefill?.accountId ?? '',
    location: prefill?.location ?? '',
    environmentId: '',
    shared: true,
    cloudImageId: prefill?.cloudImageId ?? '',
    computeResource: '',
    offline: false,
    lookup: null,
    acknowledged: false,
    details: emptyDetails(),
    prefilledFor: null,
    record: null,
    dirty: false,
  };
}

/** Which image a lookup or a pre-fill is about: the same id through the same account and location. */
export function lookupKey(state: Pick<WizardState, 'accountId' | 'location'>, cloudImageId: string): string {
  return [state.accountId, state.location, cloudImageId].join('\n');
}

const STALE_LOOKUP = { lookup: null, acknowledged: false } as const;

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'init-cloud':
      if (state.cloud !== null) return state;
      return { ...state, cloud: action.cloud, accountId: action.accountId, location: action.location };
    case 'choose-cloud':
      if (action.cloud === state.cloud) return state;
      // Each cloud has its own id format and accounts: what was chosen for another cloud cannot carry over.
      return {
        ...state,
        ...STALE_LOOKUP,
        cloud: action.cloud,
        accountId: action.accountId,
        location: action.location,
        cloudImageId: '',
        computeResource: '',
        dirty: true,
      };
    case 'choose-account':
      if (action.accountId === state.accountId) return state;
      return {
        ...state,
        ...STALE_LOOKUP,
        accountId: action.accountId,
        location: action.location,
        dirty: true,
      };
    case 'set-target':
      return { ...state, ...STALE_LOOKUP, ...action.patch, dirty: true };
    case 'set':
      return { ...state, ...action.patch, dirty: true };
    case 'looked-up':
      return lookedUp(state, action.result);
    case 'save-details':
      return { ...state, details: action.values, record: action.record, step: action.step };
    case 'go':
      return { ...state, step: action.step };
  }
}

/** Found: on to the lookup page, pre-filling the details once per image. Not found: stay on the image. */
function lookedUp(state: WizardState, result: LookupResult): WizardState {
  // The same answer again (Back, then Next): the user's acknowledgement still stands.
  const acknowledged = state.acknowledged && state.lookup !== null && sameWarnings(state.lookup, result);
  const next = { ...state, lookup: result, acknowledged };
  if (!result.found || !result.image) return { ...next, step: 'image' };
  const key = lookupKey(state, result.cloudImageId);
  if (state.prefilledFor === key) return { ...next, step: 'lookup' };
  return {
    ...next,
    step: 'lookup',
    details: prefillDetails(state.details, result.image),
    prefilledFor: key,
    record: null,
  };
}

function sameWarnings(a: LookupResult, b: LookupResult): boolean {
  const kinds = (r: LookupResult) => r.problems.map((p) => p.kind).join(',');
  return a.cloudImageId === b.cloudImageId && a.from === b.from && kinds(a) === kinds(b);
}
