import type { StoredImage } from '../../main/catalog/stored-image';
import { createPrng } from '../../main/sandbox/prng';
import { DAY, PUBLISHERS } from './synthetic-publishers';
import type { SyntheticSource } from './synthetic-plan';

/** One source's images, deterministic for its id, created over the three years before `reference`. */
export function generateSourceImages(source: SyntheticSource, reference: Date): StoredImage[] {
  const p = createPrng(`hangar-bench:${source.id}`);
  const end = reference.getTime();
  const build = PUBLISHERS[source.publisher];
  return Array.from({ length: source.size }, () => {
    const created = end - p.int(1, 3 * 365) * DAY - p.int(0, DAY / 1000) * 1000;
    const draft = build(p, created, source);
    const deprecates =
      draft.lifetimeDays === null ? null : new Date(created + draft.lifetimeDays * DAY).toISOString();
    const isPublic = !['aws-self', 'gcp-self', 'azure-managed'].includes(source.publisher);
    const state = p.chance(0.01) ? 'pending' : 'available';
    const createdAt = new Date(created).toISOString();
    return {
      cloudId: draft.cloudId,
      name: draft.name,
      description: draft.description,
      ownerId: draft.ownerId,
      ownerAlias: draft.ownerAlias ?? null,
      osFamily: draft.osFamily,
      osVersion: draft.osVersion,
      osRaw: draft.osRaw,
      architecture: draft.architecture,
      createdAt,
      deprecatesAt: deprecates,
      deprecationState:
        deprecates === null ? null : Date.parse(deprecates) <= end ? 'deprecated' : 'scheduled',
      replacement: null,
      state,
      public: isPublic,
      visibility: isPublic ? 'public' : 'private',
      family: draft.family,
      sizeGb: draft.sizeGb,
      tags: draft.tags ?? {},
      fields: [
        { label: 'Image ID', value: draft.cloudId },
        {
          label: 'Owner',
          value: draft.ownerAlias ? `${draft.ownerId} (${draft.ownerAlias})` : draft.ownerId,
        },
        { label: 'Root device', value: `/dev/sda1: ${draft.sizeGb} GiB gp3` },
        { label: 'Boot mode', value: 'uefi-preferred' },
      ],
      raw: {
        ImageId: draft.cloudId,
        Name: draft.name,
        Description: draft.description,
        OwnerId: draft.ownerId,
        ImageOwnerAlias: draft.ownerAlias,
        ImageLocation: `${draft.ownerAlias ?? draft.ownerId}/${draft.name}`,
        State: state,
        Architecture: draft.architecture,
        CreationDate: createdAt,
        DeprecationTime: deprecates ?? undefined,
        PlatformDetails: draft.osRaw,
        UsageOperation: 'RunInstances',
        RootDeviceName: '/dev/sda1',
        RootDeviceType: 'ebs',
        VirtualizationType: 'hvm',
        Hypervisor: 'xen',
        EnaSupport: true,
        SriovNetSupport: 'simple',
        Public: isPublic,
        BootMode: 'uefi-preferred',
        ImdsSupport: 'v2.0',
        BlockDeviceMappings: [
          {
            DeviceName: '/dev/sda1',
            Ebs: {
              SnapshotId: `snap-${p.hex(17)}`,
              VolumeSize: draft.sizeGb,
              VolumeType: 'gp3',
              DeleteOnTermination: true,
              Encrypted: false,
            },
          },
          { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
        ],
        Tags: Object.entries(draft.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
      },
    } satisfies StoredImage;
  });
}
