import type { ImageReference } from '@azure/arm-compute';
import { parseAzureImageId } from '../azure-get-image';

/** Where Hangar puts what it creates in a location, unless told otherwise. */
export const hangarGroupFor = (location: string): string => `hangar-${location}`;

/** The account's (case-insensitive) parts of any resource id under a resource group. */
export interface ResourceRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

const VM_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)$/i;
const ANY_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/i;
const SUBNET_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;
const NSG_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/networkSecurityGroups\/[^/]+$/i;
const DES_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/diskEncryptionSets\/[^/]+$/i;

export function parseVmId(id: string): ResourceRef | null {
  const match = VM_ID.exec(id.trim());
  return match ? { subscriptionId: match[1]!, resourceGroup: match[2]!, name: match[3]! } : null;
}

/** A top-level resource id (NIC, public IP, NSG …) cut into its parts. */
export function parseResourceRef(id: string): ResourceRef | null {
  const match = ANY_ID.exec(id.trim());
  return match ? { subscriptionId: match[1]!, resourceGroup: match[2]!, name: match[3]! } : null;
}

export const isSubnetId = (id: string): boolean => SUBNET_ID.test(id);
export const isSecurityGroupId = (id: string): boolean => NSG_ID.test(id);
export const isDiskEncryptionSetId = (id: string): boolean => DES_ID.test(id);

export function vmIdFor(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/virtualMachines/${name}`;
}

export function managedImageIdFor(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/images/${name}`;
}

/**
 * A VM resource name from the launch dialog's name: Azure takes letters, digits, `-`, `_` and
 * `.` (not first `_`, not last `.` or `-`), at most 64; several servers get `-1`, `-2` ….
 */
export function vmNameFor(name: string, index: number, count: number): string {
  const suffix = count > 1 ? `-${index + 1}` : '';
  const base = name
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[_.-]+/, '')
    .slice(0, 64 - suffix.length)
    .replace(/[.-]+$/, '');
  return `${base || 'hangar-vm'}${suffix}`;
}

/** The host name inside the VM: letters, digits and hyphens only, not all digits. */
export function computerNameFor(vmName: string): string {
  const name = vmName
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return /^\d*$/.test(name) ? `vm-${name}`.slice(0, 63) : name;
}

/** `storageProfile.imageReference` for a catalog image id: URN parts, or the image's resource id. */
export function imageReferenceFor(imageId: string): ImageReference | null {
  const ref = parseAzureImageId(imageId);
  if (!ref) return null;
  if (ref.kind === 'marketplace')
    return { publisher: ref.publisher, offer: ref.offer, sku: ref.sku, version: ref.version };
  return { id: imageId };
}

/** The catalog's id of what a VM was built from (the exact Marketplace version where Azure says). */
export function imageIdOf(reference: ImageReference | undefined): string | null {
  if (!reference) return null;
  if (reference.id) return reference.id;
  if (!reference.publisher || !reference.offer || !reference.sku) return null;
  const version =
    reference.version && reference.version.toLowerCase() !== 'latest'
      ? reference.version
      : (reference.exactVersion ?? reference.version ?? 'latest');
  return `${reference.publisher}:${reference.offer}:${reference.sku}:${version}`;
}

const same = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * Whether a VM was built from the image: the same resource id, the same Marketplace URN (any
 * version when the id says `latest`), or a gallery image definition whose resolved version is it.
 */
export function referenceMatches(reference: ImageReference | undefined, imageId: string): boolean {
  const wanted = parseAzureImageId(imageId);
  if (!reference || !wanted) return false;
  if (wanted.kind === 'marketplace') {
    if (reference.id) return false;
    if (!same(reference.publisher, wanted.publisher) || !same(reference.offer, wanted.offer)) return false;
    if (!same(reference.sku, wanted.sku)) return false;
    if (same(wanted.version, 'latest')) return true;
    return (
      same(reference.exactVersion ?? reference.version, wanted.version) ||
      same(reference.version, wanted.version)
    );
  }
  if (!reference.id) return false;
  if (same(reference.id, imageId)) return true;
  // A VM launched from a gallery image definition runs its latest version, which Azure reports.
  if (wanted.kind === 'gallery-version') {
    const definition = imageId.replace(/\/versions\/[^/]+$/i, '');
    return same(reference.id, definition) && same(reference.exactVersion, wanted.version);
  }
  return false;
}
