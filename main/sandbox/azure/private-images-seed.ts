import { createPrng, type Prng } from '../prng';

/** ARM resources exactly as the wire carries them (the stand-in serves these objects as JSON). */
export type ArmResource = Record<string, unknown> & { id: string; name: string; location: string };

export interface SeededGallery {
  resourceGroup: string;
  gallery: ArmResource;
  definitions: { definition: ArmResource; versions: ArmResource[] }[];
}

const DAY = 86_400_000;

/** The display names ARM writes in `targetRegions`, keyed by the short location name. */
export const LOCATION_DISPLAY_NAMES: Record<string, string> = {
  westeurope: 'West Europe',
  northeurope: 'North Europe',
  eastus: 'East US',
  eastus2: 'East US 2',
  westus2: 'West US 2',
  uksouth: 'UK South',
  swedencentral: 'Sweden Central',
  southeastasia: 'Southeast Asia',
};

const display = (location: string): string => LOCATION_DISPLAY_NAMES[location] ?? location;
const day = (ms: number): string => new Date(Math.floor(ms / DAY) * DAY).toISOString();

function systemData(created: Date, prng: Prng): Record<string, string> {
  const modified = new Date(created.getTime() + prng.int(0, 5) * 3_600_000);
  return {
    createdBy: 'packer-pipeline@contoso.example',
    createdByType: 'User',
    createdAt: created.toISOString(),
    lastModifiedBy: 'packer-pipeline@contoso.example',
    lastModifiedByType: 'User',
    lastModifiedAt: modified.toISOString(),
  };
}

const MANAGED_BASES = [
  { base: 'ubuntu-2204-web', os: 'Linux', size: 30, gen: 'V2', team: 'web' },
  { base: 'ubuntu-2404-api', os: 'Linux', size: 30, gen: 'V2', team: 'platform' },
  { base: 'win2022-iis', os: 'Windows', size: 127, gen: 'V2', team: 'web' },
  { base: 'win2019-sql-build', os: 'Windows', size: 256, gen: 'V1', team: 'data' },
  { base: 'rhel9-base', os: 'Linux', size: 64, gen: 'V2', team: 'platform' },
  { base: 'debian12-ci-runner', os: 'Linux', size: 50, gen: 'V1', team: 'ci' },
  { base: 'sles15-sap-base', os: 'Linux', size: 64, gen: 'V2', team: 'sap' },
] as const;

/** Managed images captured by a build pipeline, a couple of builds per base, spread over locations. */
export function seedManagedImages(
  subscriptionId: string,
  locations: readonly string[],
  reference: Date,
): ArmResource[] {
  const prng = createPrng('azure-managed-images');
  const images: ArmResource[] = [];
  for (const item of MANAGED_BASES) {
    const builds = prng.int(2, 4);
    for (let b = 0; b < builds; b += 1) {
      const created = new Date(reference.getTime() - prng.int(5, 700) * DAY - prng.int(0, 86_000) * 1000);
      const stamp = created.toISOString().slice(0, 10).replace(/-/g, '');
      const name = `${item.base}-${stamp}`;
      const resourceGroup = item.team === 'ci' ? 'rg-build' : 'rg-images-prod';
      const location = locations[(b + item.base.length) % locations.length] ?? 'westeurope';
      const vm = `pkrvm${prng.hex(10)}`;
      images.push({
        id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/images/${name}`,
        name,
        type: 'Microsoft.Compute/images',
        location,
        tags: { team: item.team, source: 'packer', build: String(prng.int(100, 999)) },
        systemData: systemData(created, prng),
        properties: {
          sourceVirtualMachine: {
            id: `/subscriptions/${subscriptionId}/resourceGroups/pkr-Resource-Group-${prng.hex(10)}/providers/Microsoft.Compute/virtualMachines/${vm}`,
          },
          storageProfile: {
            osDisk: {
              osType: item.os,
              osState: 'Generalized',
              managedDisk: {
                id: `/subscriptions/${subscriptionId}/resourceGroups/pkr-Resource-Group-${prng.hex(10)}/providers/Microsoft.Compute/disks/pkros${prng.hex(10)}`,
              },
              caching: 'ReadWrite',
              storageAccountType: 'Premium_LRS',
              diskSizeGB: item.size,
            },
            dataDisks: [],
            zoneResilient: prng.chance(0.5),
          },
          provisioningState: 'Succeeded',
          hyperVGeneration: item.gen,
        },
      });
    }
  }
  return images;
}

const DEFINITIONS = [
  {
    name: 'ubuntu-2404-base',
    os: 'Linux',
    gen: 'V2',
    arch: 'x64',
    id: ['Contoso', 'ubuntu-server', '24_04-lts-gen2'],
    size: 30,
  },
  {
    name: 'ubuntu-2204-web',
    os: 'Linux',
    gen: 'V2',
    arch: 'x64',
    id: ['Contoso', 'web-server', 'ubuntu-22_04-lts'],
    size: 30,
  },
  {
    name: 'win2022-iis',
    os: 'Windows',
    gen: 'V2',
    arch: 'x64',
    id: ['Contoso', 'windows-iis', '2022-datacenter-g2'],
    size: 127,
  },
  {
    name: 'rhel9-hardened',
    os: 'Linux',
    gen: 'V2',
    arch: 'x64',
    id: ['Contoso', 'rhel-cis', '9-lvm-gen2'],
    size: 64,
  },
  {
    name: 'debian12-arm64-runner',
    os: 'Linux',
    gen: 'V2',
    arch: 'Arm64',
    id: ['Contoso', 'debian-ci', '12-arm64'],
    size: 30,
  },
  {
    name: 'ubuntu-2004-legacy',
    os: 'Linux',
    gen: 'V1',
    arch: 'x64',
    id: ['Contoso', 'ubuntu-legacy', '20_04-lts'],
    size: 30,
  },
] as const;

/**
 * One Compute Gallery in the first location, replicating to some others. Version end-of-life dates
 * run from a month ago (already past) to a year ahead.
 */
export function seedGallery(
  subscriptionId: string,
  locations: readonly string[],
  reference: Date,
): SeededGallery {
  const prng = createPrng('azure-gallery');
  const home = locations[0] ?? 'westeurope';
  const resourceGroup = 'rg-gallery';
  const galleryName = 'hangar_golden_images';
  const galleryId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/galleries/${galleryName}`;
  const gallery: ArmResource = {
    id: galleryId,
    name: galleryName,
    type: 'Microsoft.Compute/galleries',
    location: home,
    tags: { owner: 'platform-team' },
    properties: {
      description: 'Golden images built and hardened by the platform team',
      identifier: { uniqueName: `${subscriptionId}-${galleryName.toUpperCase()}` },
      provisioningState: 'Succeeded',
      sharingProfile: { permissions: 'Private' },
    },
  };
  const definitions = DEFINITIONS.map((spec, d) => {
    const definitionId = `${galleryId}/images/${spec.name}`;
    const legacy = spec.name === 'ubuntu-2004-legacy';
    const definition: ArmResource = {
      id: definitionId,
      name: spec.name,
      type: 'Microsoft.Compute/galleries/images',
      location: home,
      properties: {
        description: `${spec.name} built from the Marketplace base image`,
        osType: spec.os,
        osState: 'Generalized',
        hyperVGeneration: spec.gen,
        architecture: spec.arch,
        identifier: { publisher: spec.id[0], offer: spec.id[1], sku: spec.id[2] },
        recommended: { vCPUs: { min: 2, max: 16 }, memory: { min: 4, max: 64 } },
        features: spec.gen === 'V2' ? [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }] : [],
        ...(legacy ? { endOfLifeDate: day(reference.getTime() + 45 * DAY) } : {}),
        provisioningState: 'Succeeded',
      },
    };
    const count = prng.int(6, 10);
    const versions: ArmResource[] = [];
    let [major, minor, patch] = [1, 0, 0];
    let publishedMs = reference.getTime() - count * 60 * DAY;
    for (let v = 0; v < count; v += 1) {
      publishedMs += prng.int(30, 60) * DAY;
      const published = new Date(publishedMs - prng.int(0, 80_000) * 1000);
      // Oldest versions past end of life, newest up to a year ahead (never after the definition's
      // own end of life); Windows images here keep no date at all.
      const ahead = Math.round(-30 + (395 * v) / Math.max(1, count - 1));
      const endOfLife =
        spec.os === 'Windows' ? null : day(reference.getTime() + Math.min(ahead, legacy ? 45 : ahead) * DAY);
      const regions = [home, ...locations.slice(1).filter((_, i) => (i + d + v) % 2 === 0)];
      const canary = v === count - 1 && prng.chance(0.4);
      const name = `${major}.${minor}.${patch}`;
      versions.push({
        id: `${definitionId}/versions/${name}`,
        name,
        type: 'Microsoft.Compute/galleries/images/versions',
        location: home,
        tags: { pipeline: `build-${prng.int(1000, 9999)}` },
        properties: {
          publishingProfile: {
            targetRegions: regions.map((location, r) => ({
              name: display(location),
              regionalReplicaCount: r === 0 ? 2 : 1,
              storageAccountType: r === 0 ? 'Standard_ZRS' : 'Standard_LRS',
              excludeFromLatest: canary && r > 0,
            })),
            replicaCount: 1,
            excludeFromLatest: canary,
            publishedDate: published.toISOString(),
            ...(endOfLife ? { endOfLifeDate: endOfLife } : {}),
            storageAccountType: 'Standard_LRS',
            replicationMode: 'Full',
          },
          storageProfile: {
            osDiskImage: { sizeInGB: spec.size, hostCaching: 'ReadOnly' },
            source: {
              id: `/subscriptions/${subscriptionId}/resourceGroups/rg-build/providers/Microsoft.Compute/images/${spec.name}-${name}`,
            },
          },
          safetyProfile: { allowDeletionOfReplicatedLocations: false, reportedForPolicyViolation: false },
          provisioningState: 'Succeeded',
        },
      });
      if (prng.chance(0.3)) [major, minor, patch] = [major + 1, 0, 0];
      else if (prng.chance(0.5)) [minor, patch] = [minor + 1, 0];
      else patch += 1;
    }
    return { definition, versions };
  });
  return { resourceGroup, gallery, definitions };
}
