import {
  LaunchSpecRequestSchema,
  parseTagText,
  type LaunchOptions,
  type LaunchSpecRequest,
} from '@contract/index';
import { resolveFlavorId } from './flavors';
import { isOpenSshPublicKey, PUBLIC_KEY_HINT } from './key-files';
import { effectiveSavePath, type KeyPair, type LaunchDraft } from './launch-draft';
import { isGcpZone, launchLocation, type PlaceChoice } from './place-choices';

export interface LaunchProblem {
  field: string;
  message: string;
}

export interface SpecContext {
  workspaceId: string;
  recordId: string | null;
  place: PlaceChoice | null;
  options: LaunchOptions | null;
}

/** The cloud-listed choices as the dialog shows them: the user's, else the sensible default. */
export interface ResolvedChoices {
  flavorId: string;
  networkId: string | null;
  subnetId: string | null;
  keyName: string | null;
  keyPairs: KeyPair[];
}

export function resolveChoices(draft: LaunchDraft, options: LaunchOptions): ResolvedChoices {
  const network = options.networks.find((n) => n.id === draft.networkId) ?? options.networks[0] ?? null;
  const subnet = network?.subnets.find((s) => s.id === draft.subnetId) ?? network?.subnets[0] ?? null;
  const listed = new Set(options.keyPairs.map((k) => k.name));
  const keyPairs = [...options.keyPairs, ...draft.addedKeyPairs.filter((k) => !listed.has(k.name))];
  const takesKeyPair = options.capabilities.keyPairs === 'create-or-import';
  const keyName = !takesKeyPair
    ? null
    : draft.keyName === null
      ? (keyPairs[0]?.name ?? null)
      : draft.keyName || null;
  return {
    flavorId: resolveFlavorId(draft.flavorId ?? '', options.flavors),
    networkId: network?.id ?? null,
    subnetId: subnet?.id ?? null,
    keyName,
    keyPairs,
  };
}

const MAX_VOLUME_GB = 16_384;
const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** What the dialog itself can tell is wrong, before asking the cloud; each names its field. */
function draftProblems(
  draft: LaunchDraft,
  context: SpecContext,
  choices: ResolvedChoices | null,
): LaunchProblem[] {
  const problems: LaunchProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const { place, options } = context;
  if (!place) add('account', 'Choose where to launch.');
  else if (place.cloud === 'gcp' && !isGcpZone(draft.zone))
    add('location', 'Give the zone to launch in, such as us-central1-a.');
  if (!options || !choices) return problems;

  if (!options.capabilities.launch.supported)
    add('account', options.capabilities.launch.reason ?? 'This cloud cannot launch servers from Hangar.');
  if (!choices.flavorId)
    add(
      'flavorId',
      options.flavors.length === 0
        ? 'The cloud lists no hardware flavors here.'
        : 'No flavor here can take this image; each says why.',
    );

  if (options.capabilities.keyPairs === 'create-or-import') {
    if (draft.keyMode === 'create')
      add('newKeyName', 'Create the key pair first (Create key pair), or use an existing one.');
    if (draft.keyMode === 'import')
      add('importName', 'Import the key first (Import key pair), or use an existing one.');
  } else if (options.capabilities.keyPairs === 'public-key-only') {
    if (draft.publicKey.trim() && !isOpenSshPublicKey(draft.publicKey))
      add('publicKey', `Paste ${PUBLIC_KEY_HINT}.`);
  }

  if (options.capabilities.volumes) {
    draft.volumes.forEach((volume, index) => {
      const size = wholeNumber(volume.sizeGb);
      if (size === null || size < 1 || size > MAX_VOLUME_GB)
        add(`volumes.${index}.sizeGb`, `A whole number of GB from 1 to ${MAX_VOLUME_GB}.`);
    });
    if (draft.raid && draft.volumes.length < 2) add('raid', 'A RAID array needs at least two data volumes.');
  }

  const count = wholeNumber(draft.count);
  if (count === null || count < 1 || count > 20) add('count', 'A whole number of servers from 1 to 20.');
  const tags = parseTagText(draft.tags);
  if (!tags.ok) add('tags', capitalise(tags.message));
  return problems;
}

/** The launch request the draft describes (the same one preview and start get). */
function specOf(
  draft: LaunchDraft,
  context: SpecContext,
  choices: ResolvedChoices,
): LaunchSpecRequest | null {
  const { place, options } = context;
  if (!place || !options) return null;
  const caps = options.capabilities;
  const tags = parseTagText(draft.tags);
  const volumes = caps.volumes ? draft.volumes : [];
  return {
    workspaceId: context.workspaceId,
    accountId: place.accountId,
    location: launchLocation(place, draft.zone),
    imageId: place.imageId,
    recordId: context.recordId,
    flavorId: choices.flavorId,
    networkId: choices.networkId,
    subnetId: choices.subnetId,
    publicIp: caps.publicIp && draft.publicIp,
    securityGroupIds: caps.securityGroups ? draft.securityGroupIds : [],
    keyName: choices.keyName,
    publicKey: caps.keyPairs === 'public-key-only' && draft.publicKey.trim() ? draft.publicKey.trim() : null,
    volumes: volumes.map((v) => ({
      sizeGb: wholeNumber(v.sizeGb) ?? 0,
      type: v.type.trim() || null,
      encrypted: v.encrypted,
      kmsKeyId: v.encrypted && v.kmsKeyId.trim() ? v.kmsKeyId.trim() : null,
    })),
    raid:
      caps.volumes && draft.raid
        ? { level: draft.raidLevel, mountPoint: draft.mountPoint.trim(), filesystem: draft.filesystem }
        : null,
    userData: draft.userData.trim() ? draft.userData : null,
    name: draft.name.trim(),
    count: wholeNumber(draft.count) ?? 1,
    tags: tags.ok ? tags.tags : {},
    billingCode: draft.billingCode.trim(),
    group: draft.group.trim(),
    computeResource: place.computeResource ?? (draft.computeResource.trim() || null),
  };
}

export interface BuiltSpec {
  /** Null until a place is chosen and its options are known. */
  spec: LaunchSpecRequest | null;
  /** The spec passes the contract's own schema (so preview can be asked). */
  valid: boolean;
  /** Everything wrong, the dialog's checks and the contract's, one per field at most. */
  problems: LaunchProblem[];
  choices: ResolvedChoices | null;
}

/**
 * The draft as a launch request plus what is wrong with it. The contract's schema runs last, so
 * whatever main would refuse outright is named here, against its field, before anything is asked.
 */
export function buildLaunchSpec(draft: LaunchDraft, context: SpecContext): BuiltSpec {
  const choices = context.options ? resolveChoices(draft, context.options) : null;
  const problems = draftProblems(draft, context, choices);
  const spec = choices ? specOf(draft, context, choices) : null;
  if (!spec) return { spec, valid: false, problems, choices };
  const parsed = LaunchSpecRequestSchema.safeParse(spec);
  const seen = new Set(problems.map((p) => p.field));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.') || 'summary';
      // Already said in the dialog's own words (a volume's size, the count).
      if (seen.has(field)) continue;
      seen.add(field);
      problems.push({ field, message: capitalise(issue.message) });
    }
  }
  return { spec, valid: parsed.success, problems, choices };
}

/** Only the problems a step shows. */
export function problemsOf(
  problems: readonly LaunchProblem[],
  fields: (field: string) => boolean,
): LaunchProblem[] {
  return problems.filter((p) => fields(p.field));
}

/** field → first message, for the inline errors under inputs. */
export function errorsByField(problems: readonly LaunchProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) errors[p.field] ??= p.message;
  return errors;
}

/** The request the create-key-pair call sends, from the draft's "Create a new key pair" fields. */
export function keyRequestOf(draft: LaunchDraft): {
  name: string;
  type: LaunchDraft['newKeyType'];
  savePath: string;
} {
  return { name: draft.newKeyName.trim(), type: draft.newKeyType, savePath: effectiveSavePath(draft).trim() };
}

function capitalise(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * What "Preview first-boot script" asks with, before the details are filled: the spec itself when
 * it is complete, else with the later steps' fields stood in for (the script does not use them).
 * Null while the storage fields themselves are wrong.
 */
export function scriptPreviewSpec(draft: LaunchDraft, context: SpecContext): LaunchSpecRequest | null {
  const built = buildLaunchSpec(draft, context);
  if (built.valid) return built.spec;
  const standIn = buildLaunchSpec(
    { ...draft, name: 'preview', count: '1', tags: '', billingCode: '', group: '', userData: '' },
    context,
  );
  return standIn.valid ? standIn.spec : null;
}
