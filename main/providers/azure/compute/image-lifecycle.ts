import type { GalleryImageVersion, TargetRegion } from '@azure/arm-compute';
import { parseAzureImageId, type AzureImageRef } from '../azure-get-image';
import { normaliseLocation } from '../private-image-mapper';
import type { AzureComputeClients } from './azure-compute-clients';
import { managedImageIdFor, parseVmId } from './compute-ids';
import { invalidRequest } from './compute-errors';
import { isNotFound, type ComputeSession } from './compute-session';

/** Why an image kind cannot do an action: shown to the user as is. */
export const REASONS = {
  marketplaceOwned: 'Marketplace images belong to their publisher: Hangar cannot change or delete them.',
  managedNoCopy:
    'Azure copies images between regions by Compute Gallery replication; a managed image stays in its region. Publish it to a gallery to replicate it.',
  managedNoDeprecate:
    'Managed images have no end-of-life date in Azure; Compute Gallery image versions do. Publish it to a gallery to deprecate it.',
} as const;

const IMAGE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,78}[A-Za-z0-9_])?$/;
type Gallery = Extract<AzureImageRef, { kind: 'gallery-version' }>;

function imageRef(imageId: string): AzureImageRef {
  const ref = parseAzureImageId(imageId);
  if (!ref)
    throw invalidRequest(
      `"${imageId.slice(0, 160)}" is not an Azure image id: a Marketplace URN or a managed image / gallery image version resource id.`,
    );
  return ref;
}

function galleryOnly(ref: AzureImageRef, managedReason: string): Gallery {
  if (ref.kind === 'marketplace') throw invalidRequest(REASONS.marketplaceOwned);
  if (ref.kind === 'managed') throw invalidRequest(managedReason);
  return ref;
}

const versionOf = (clients: AzureComputeClients, ref: Gallery) =>
  clients.compute.galleryImageVersions.get(ref.resourceGroup, ref.gallery, ref.definition, ref.version);

/**
 * Captures a managed image from a VM, as Azure requires: deallocate, generalize (the VM can
 * never start again), then create the image from it. Returns once Azure has accepted the image;
 * it reads Creating, then Succeeded. Everything is checked before the VM is touched.
 */
export async function captureManagedImage(
  session: ComputeSession,
  location: string,
  serverId: string,
  name: string,
  description: string,
): Promise<{ imageId: string }> {
  const vmRef = parseVmId(serverId);
  if (!vmRef) throw invalidRequest(`"${serverId.slice(0, 160)}" is not an Azure VM resource id.`);
  if (!IMAGE_NAME.test(name))
    throw invalidRequest(
      'Name the image with 1 to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
    );
  const clients = session.open();
  const { resourceGroup, name: vmName } = vmRef;
  try {
    const vm = await clients.compute.virtualMachines.get(resourceGroup, vmName, { expand: 'instanceView' });
    const taken = await clients.compute.images.get(resourceGroup, name).then(
      () => true,
      (error: unknown) => {
        if (isNotFound(error, clients)) return false;
        throw error;
      },
    );
    if (taken)
      throw invalidRequest(`An image named ${name} already exists in ${resourceGroup}: choose another name.`);
    await (
      await clients.compute.virtualMachines.beginDeallocate(resourceGroup, vmName, session.lro())
    ).pollUntilDone();
    await clients.compute.virtualMachines.generalize(resourceGroup, vmName);
    await clients.compute.images.beginCreateOrUpdate(
      resourceGroup,
      name,
      {
        location: vm.location ?? location,
        sourceVirtualMachine: { id: vm.id ?? serverId },
        ...(vm.instanceView?.hyperVGeneration ? { hyperVGeneration: vm.instanceView.hyperVGeneration } : {}),
        tags: description ? { 'hangar-description': description.slice(0, 256) } : {},
      },
      session.lro(),
    );
    return { imageId: managedImageIdFor(session.subscriptionId, resourceGroup, name) };
  } catch (error) {
    throw session.fail(error, `capture an image from ${vmName}`, location, clients);
  }
}

/**
 * "Copies" a gallery image version to another region by adding the region to its replication
 * targets; the version keeps its id (and name). Returns once Azure has accepted the update.
 */
export async function replicateGalleryVersion(
  session: ComputeSession,
  fromLocation: string,
  imageId: string,
  toLocation: string,
): Promise<{ imageId: string }> {
  const ref = galleryOnly(imageRef(imageId), REASONS.managedNoCopy);
  const clients = session.open();
  try {
    const version = await versionOf(clients, ref);
    const profile = version.publishingProfile;
    const regions: TargetRegion[] = profile?.targetRegions ?? [];
    if (regions.some((r) => normaliseLocation(r.name) === normaliseLocation(toLocation))) return { imageId };
    const added: TargetRegion = {
      name: toLocation,
      regionalReplicaCount: profile?.replicaCount ?? 1,
      ...(profile?.storageAccountType ? { storageAccountType: profile.storageAccountType } : {}),
    };
    await clients.compute.galleryImageVersions.beginUpdate(
      ref.resourceGroup,
      ref.gallery,
      ref.definition,
      ref.version,
      { publishingProfile: { targetRegions: [...regions, added] } },
      session.lro(),
    );
    return { imageId };
  } catch (error) {
    throw session.fail(
      error,
      `replicate ${ref.definition} ${ref.version} to ${toLocation}`,
      fromLocation,
      clients,
    );
  }
}

/**
 * Sets a gallery version's end-of-life date (PATCH), or takes it back: PATCH cannot remove a
 * field, so the version is written back whole without it (PUT replaces). Waits for Azure.
 */
export async function setGalleryEndOfLife(
  session: ComputeSession,
  location: string,
  imageId: string,
  at: Date | null,
): Promise<void> {
  const ref = galleryOnly(imageRef(imageId), REASONS.managedNoDeprecate);
  const clients = session.open();
  const args = [ref.resourceGroup, ref.gallery, ref.definition, ref.version] as const;
  try {
    if (at) {
      const poller = await clients.compute.galleryImageVersions.beginUpdate(
        ...args,
        { publishingProfile: { endOfLifeDate: at } },
        session.lro(),
      );
      await poller.pollUntilDone();
      return;
    }
    const version: GalleryImageVersion = await versionOf(clients, ref);
    if (!version.publishingProfile?.endOfLifeDate) return;
    const { endOfLifeDate: _dropped, ...publishingProfile } = version.publishingProfile;
    const poller = await clients.compute.galleryImageVersions.beginCreateOrUpdate(
      ...args,
      { ...version, publishingProfile },
      session.lro(),
    );
    await poller.pollUntilDone();
  } catch (error) {
    throw session.fail(
      error,
      `${at ? 'deprecate' : 'un-deprecate'} ${ref.definition} ${ref.version}`,
      location,
      clients,
    );
  }
}

/** Deletes a managed image or a gallery image version and waits until Azure has done so. */
export async function deleteAzureImage(
  session: ComputeSession,
  location: string,
  imageId: string,
): Promise<void> {
  const ref = imageRef(imageId);
  if (ref.kind === 'marketplace') throw invalidRequest(REASONS.marketplaceOwned);
  const clients = session.open();
  try {
    const poller =
      ref.kind === 'managed'
        ? await clients.compute.images.beginDelete(ref.resourceGroup, ref.name, session.lro())
        : await clients.compute.galleryImageVersions.beginDelete(
            ref.resourceGroup,
            ref.gallery,
            ref.definition,
            ref.version,
            session.lro(),
          );
    await poller.pollUntilDone();
  } catch (error) {
    throw session.fail(error, `delete ${imageId.split('/').slice(-3).join('/')}`, location, clients);
  }
}
