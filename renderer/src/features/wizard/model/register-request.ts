import type { ChannelRequest } from '@contract/index';
import { checkImageId } from './wizard-rules';
import type { WizardState } from './wizard-state';

export type RegisterMode = { kind: 'new' } | { kind: 'add-to'; recordId: string };

export type RegisterRequest = ChannelRequest<'registry:register'>;

/**
 * The register request the wizard's state describes: a new record (from the details) or another
 * mapping of an existing record. Null when the state is not complete enough to ask.
 */
export function buildRegisterRequest(
  state: WizardState,
  workspaceId: string,
  mode: RegisterMode,
): RegisterRequest | null {
  if (state.cloud === null) return null;
  // The canonical id main answered the lookup with; the typed id only as a fallback.
  const checked = checkImageId(state.cloud, state.cloudImageId);
  const cloudImageId = state.lookup?.cloudImageId ?? (checked.ok ? checked.id : null);
  if (cloudImageId === null) return null;
  const computeResource = state.cloud === 'vmware' ? state.computeResource.trim() || null : null;
  const base = {
    workspaceId,
    target: { accountId: state.accountId, location: state.location, cloudImageId, computeResource },
    acknowledgeProblems: state.acknowledged,
    offline: state.offline,
  };
  if (mode.kind === 'add-to') return { ...base, addToRecordId: mode.recordId };
  if (state.record === null) return null;
  const environmentId = state.environmentId === '' ? null : state.environmentId;
  // Sharing reaches the scopes below: an environment has none, so it only means something at the top.
  return {
    ...base,
    record: state.record,
    scope: { environmentId, shared: environmentId === null && state.shared },
  };
}
