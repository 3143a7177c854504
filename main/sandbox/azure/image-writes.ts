import { ArmError, armErrors } from './arm-error';
import { computeErrors } from './compute-arm-errors';
import {
  propertiesOf,
  refId,
  requireGroup,
  requireLocation,
  resourceId,
  same,
  tagsOf,
  type ComputeContext,
  type WriteResult,
} from './compute-context';
import { displayRegion, normaliseRegion } from './gallery-regions';
import type { ArmResource } from './private-images-seed';
import type { AzureVmState } from './vm-state';

const COMPUTE = 'Microsoft.Compute';

type Profile = Record<string, unknown> & { targetRegions?: Record<string, unknown>[] };

/**
 * Image writes: a managed image captured from a generalized VM (Creating → Succeeded, then in
 * the catalog's list and get), its deletion, and updates of Compute Gallery image versions
 * (replication to more regions, end of life) and their deletion.
 */
export class AzureImageWrites {
  constructor(
    private readonly ctx: ComputeContext,
    private readonly vms: AzureVmState,
    private readonly clientId: () => string,
  ) {}

  putManagedImage(resourceGroup: string, name: string, body: unknown, apiVersion: string): WriteResult {
    requireGroup(this.ctx, resourceGroup);
    const location = requireLocation(this.ctx, body, `${COMPUTE}/images`);
    const id = resourceId(this.ctx.subscriptionId, resourceGroup, COMPUTE, 'images', name);
    if (this.ctx.catalog.managedImage(resourceGroup, name))
      throw new ArmError(
        409,
        'PropertyChangeNotAllowed',
        `Changing property 'sourceVirtualMachine' is not allowed.`,
      );
    const given = propertiesOf(body);
    const sourceId = refId(given.sourceVirtualMachine);
    if (!sourceId)
      throw computeErrors.invalidParameter(
        'sourceVirtualMachine',
        'Required parameter sourceVirtualMachine is missing.',
      );
    const vm = this.vms.byId(sourceId);
    if (!vm)
      throw computeErrors.notFound(
        `${COMPUTE}/virtualMachines`,
        sourceId.split('/').pop() ?? '',
        resourceGroup,
      );
    if (!vm.generalized)
      throw computeErrors.operationNotAllowed(
        `The operation 'Create Image' is not allowed on VM '${vm.resource.name}' since the VM is not generalized. Please generalize the VM before capturing an image from it.`,
      );
    if (!same(vm.resource.location, location))
      throw computeErrors.invalidParameter(
        'location',
        `The image must be in the location of its source VM (${vm.resource.location}).`,
      );
    const storage = vm.resource.properties.storageProfile as {
      osDisk: { osType: string; managedDisk: { id: string; storageAccountType: string }; diskSizeGB: number };
      dataDisks: {
        lun: number;
        managedDisk: { id: string; storageAccountType: string };
        diskSizeGB: number;
      }[];
    };
    const now = new Date(this.ctx.timeline.now()).toISOString();
    const image: ArmResource = {
      id,
      name,
      type: `${COMPUTE}/images`,
      location,
      tags: tagsOf(body),
      systemData: {
        createdBy: this.clientId(),
        createdByType: 'Application',
        createdAt: now,
        lastModifiedBy: this.clientId(),
        lastModifiedByType: 'Application',
        lastModifiedAt: now,
      },
      properties: {
        sourceVirtualMachine: { id: vm.resource.id },
        storageProfile: {
          osDisk: {
            osType: storage.osDisk.osType,
            osState: 'Generalized',
            managedDisk: { id: storage.osDisk.managedDisk.id },
            caching: 'ReadWrite',
            storageAccountType: storage.osDisk.managedDisk.storageAccountType,
            diskSizeGB: storage.osDisk.diskSizeGB,
          },
          dataDisks: storage.dataDisks.map((disk) => ({
            lun: disk.lun,
            managedDisk: { id: disk.managedDisk.id },
            caching: 'None',
            storageAccountType: disk.managedDisk.storageAccountType,
            diskSizeGB: disk.diskSizeGB,
          })),
          zoneResilient: false,
        },
        provisioningState: 'Creating',
        hyperVGeneration: (given.hyperVGeneration as string | undefined) ?? vm.hyperVGeneration,
      },
    };
    this.ctx.catalog.addManagedImage(image);
    const props = image.properties as Record<string, unknown>;
    const headers = this.ctx.operations.start(
      COMPUTE,
      location,
      this.ctx.delays.imageMs,
      () => {
        props.provisioningState = 'Succeeded';
      },
      { apiVersion },
    );
    return { status: 201, body: image, headers };
  }

  deleteManagedImage(resourceGroup: string, name: string, apiVersion: string): WriteResult {
    requireGroup(this.ctx, resourceGroup);
    const image = this.ctx.catalog.managedImage(resourceGroup, name);
    if (!image) return { status: 204 };
    (image.properties as Record<string, unknown>).provisioningState = 'Deleting';
    const headers = this.ctx.operations.start(
      COMPUTE,
      image.location,
      this.ctx.delays.imageMs,
      () => {
        this.ctx.catalog.remove(image.id);
      },
      { location: true, apiVersion },
    );
    return { status: 202, headers };
  }

  /** PATCH merges the publishing profile (null removes a field); PUT replaces it. */
  updateGalleryVersion(
    captures: string[],
    body: unknown,
    apiVersion: string,
    mode: 'merge' | 'replace',
  ): WriteResult {
    const version = this.galleryVersion(captures);
    const properties = version.properties as Record<string, unknown> & { publishingProfile?: Profile };
    const current: Profile = properties.publishingProfile ?? {};
    const given = (propertiesOf(body).publishingProfile ?? {}) as Profile;
    const next: Profile = mode === 'merge' ? { ...current } : { publishedDate: current.publishedDate };
    for (const [field, value] of Object.entries(given)) {
      if (field === 'publishedDate') continue;
      if (value === null) delete next[field];
      else next[field] = value;
    }
    if (given.targetRegions !== undefined)
      next.targetRegions = this.checkRegions(given.targetRegions, current);
    if (mode === 'replace' && !next.targetRegions) next.targetRegions = current.targetRegions;
    properties.publishingProfile = next;
    const tags = (body as { tags?: unknown }).tags;
    if (tags && typeof tags === 'object') version.tags = tagsOf(body);
    properties.provisioningState = 'Updating';
    const headers = this.ctx.operations.start(
      COMPUTE,
      version.location,
      this.ctx.delays.galleryMs,
      () => {
        properties.provisioningState = 'Succeeded';
      },
      { apiVersion },
    );
    return { status: 200, body: version, headers };
  }

  deleteGalleryVersion(captures: string[], apiVersion: string): WriteResult {
    let version: ArmResource;
    try {
      version = this.galleryVersion(captures);
    } catch (error) {
      if (error instanceof ArmError && error.code === 'ResourceNotFound') return { status: 204 };
      throw error;
    }
    (version.properties as Record<string, unknown>).provisioningState = 'Deleting';
    const headers = this.ctx.operations.start(
      COMPUTE,
      version.location,
      this.ctx.delays.galleryMs,
      () => {
        this.ctx.catalog.remove(version.id);
      },
      { location: true, apiVersion },
    );
    return { status: 202, headers };
  }

  private galleryVersion([
    resourceGroup = '',
    galleryName = '',
    image = '',
    name = '',
  ]: string[]): ArmResource {
    requireGroup(this.ctx, resourceGroup);
    const gallery = this.ctx.catalog.gallery(resourceGroup, galleryName);
    if (!gallery) throw armErrors.parentResourceNotFound(`${COMPUTE}/galleries/${galleryName}`);
    const definition = gallery.definitions.find((d) => same(d.definition.name, image));
    if (!definition)
      throw armErrors.parentResourceNotFound(`${COMPUTE}/galleries/${galleryName}/images/${image}`);
    const version = definition.versions.find((v) => same(v.name, name));
    if (!version) {
      throw armErrors.resourceNotFound(
        `${COMPUTE}/galleries/images/versions`,
        `${galleryName}/${image}/${name}`,
        resourceGroup,
      );
    }
    return version;
  }

  /** Regions must exist; ARM writes them back with display names and its defaults filled in. */
  private checkRegions(regions: unknown, current: Profile): Record<string, unknown>[] {
    if (!Array.isArray(regions) || regions.length === 0)
      throw computeErrors.invalidParameter('targetRegions', 'At least one target region is required.');
    return (regions as Record<string, unknown>[]).map((region) => {
      const name = normaliseRegion(String(region.name ?? ''));
      if (!this.ctx.catalog.hasLocation(name))
        throw computeErrors.invalidParameter(
          'targetRegions',
          `The region '${String(region.name)}' is not available for this gallery image version. Available regions: ${this.ctx.catalog.locations.join(', ')}.`,
        );
      return {
        ...region,
        name: displayRegion(name),
        regionalReplicaCount: region.regionalReplicaCount ?? current.replicaCount ?? 1,
        storageAccountType: region.storageAccountType ?? current.storageAccountType ?? 'Standard_LRS',
        excludeFromLatest: region.excludeFromLatest ?? false,
      };
    });
  }
}
