import { compareVersions } from './azure-catalog';
import { computeErrors } from './compute-arm-errors';
import { refId, same, type ComputeContext } from './compute-context';
import { normaliseRegion } from './gallery-regions';

/** What a VM's image reference resolves to: the OS, the disk size and the exact version. */
export interface ResolvedImage {
  osType: 'Linux' | 'Windows';
  sizeGb: number;
  hyperVGeneration: string;
  /** Marketplace: the version `latest` stood for. */
  exactVersion: string | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Resolves `storageProfile.imageReference` as Compute RP does: a Marketplace URN (version may
 * be `latest`), a managed image in the VM's location, or a gallery image version replicated there.
 */
export function resolveImageReference(
  ctx: ComputeContext,
  reference: unknown,
  location: string,
): ResolvedImage {
  const { catalog } = ctx;
  const id = refId(reference);
  if (id) {
    const managed = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/images\/([^/]+)$/i.exec(id);
    if (managed) {
      const image = catalog.managedImage(managed[1] ?? '', managed[2] ?? '');
      const properties = (image?.properties ?? {}) as {
        provisioningState?: string;
        hyperVGeneration?: string;
        storageProfile?: { osDisk?: { osType?: string; diskSizeGB?: number } };
      };
      if (!image || !same(image.location, location) || properties.provisioningState !== 'Succeeded')
        throw computeErrors.imageNotFound(id);
      return {
        osType: properties.storageProfile?.osDisk?.osType === 'Windows' ? 'Windows' : 'Linux',
        sizeGb: properties.storageProfile?.osDisk?.diskSizeGB ?? 30,
        hyperVGeneration: properties.hyperVGeneration ?? 'V1',
        exactVersion: null,
      };
    }
    const version =
      /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/galleries\/([^/]+)\/images\/([^/]+)\/versions\/([^/]+)$/i.exec(
        id,
      );
    if (version) {
      const [, group = '', galleryName = '', definitionName = '', versionName = ''] = version;
      const definition = catalog
        .gallery(group, galleryName)
        ?.definitions.find((d) => same(d.definition.name, definitionName));
      const found = definition?.versions.find((v) => same(v.name, versionName));
      const profile = (found?.properties as { publishingProfile?: { targetRegions?: { name: string }[] } })
        ?.publishingProfile;
      const replicated = profile?.targetRegions?.some((r) => normaliseRegion(r.name) === location) ?? false;
      if (!definition || !found || !replicated)
        throw computeErrors.invalidParameter(
          'imageReference',
          `The gallery image ${id} is not available in ${location}. Please make sure the image version exists and is replicated to the region.`,
        );
      const props = definition.definition.properties as { osType?: string; hyperVGeneration?: string };
      const storage = (found.properties as { storageProfile?: { osDiskImage?: { sizeInGB?: number } } })
        .storageProfile;
      return {
        osType: props.osType === 'Windows' ? 'Windows' : 'Linux',
        sizeGb: storage?.osDiskImage?.sizeInGB ?? 30,
        hyperVGeneration: props.hyperVGeneration ?? 'V2',
        exactVersion: null,
      };
    }
    throw computeErrors.imageNotFound(id);
  }
  const ref = (reference ?? {}) as Record<string, unknown>;
  const [publisher, offer, skuName, wanted] = [
    text(ref.publisher),
    text(ref.offer),
    text(ref.sku),
    text(ref.version),
  ];
  const urn = `${publisher}:${offer}:${skuName}:${wanted}`;
  const sku = catalog.sku(publisher, offer, skuName);
  const versions = [...(sku?.versions ?? [])].sort((a, b) => compareVersions(a.version, b.version));
  const chosen = same(wanted, 'latest') ? versions.at(-1) : versions.find((v) => same(v.version, wanted));
  if (!chosen) throw computeErrors.platformImageNotFound(urn);
  return {
    osType: chosen.os === 'Windows' ? 'Windows' : 'Linux',
    sizeGb: chosen.sizeInGb,
    hyperVGeneration: chosen.generation,
    exactVersion: chosen.version,
  };
}
