import type { SandboxGlanceImage } from './glance-query';
import { yyyymmdd, type ImageFactory } from './seed-image-factory';
import { SANDBOX_PROJECTS } from './sandbox-identity';

/**
 * Everything in the cloud that is not the operators' public catalog: community images other
 * projects publish, images the data-science project shares with demo (accepted, pending,
 * rejected), demo's own snapshots in every state, and private images demo must never see.
 */

const DAY = 86_400_000;
const { demo, dataScience, community, platform } = SANDBOX_PROJECTS;

const daysBefore = (reference: Date, days: number): Date => new Date(reference.getTime() - days * DAY);

export function communityImages(factory: ImageFactory, reference: Date): SandboxGlanceImage[] {
  const { prng } = factory;
  const base = { owner: community.id, visibility: 'community' as const };
  const images: SandboxGlanceImage[] = [];
  for (let month = 0; month < 4; month += 1) {
    const date = daysBefore(reference, 30 * month + prng.int(0, 5));
    images.push(
      factory.build({
        ...base,
        name: `Arch-Linux-x86_64-cloudimg-${yyyymmdd(date)}.${prng.int(200_000, 300_000)}`,
        createdAt: date,
        hidden: month >= 2,
        sizeMiB: [480, 560],
        properties: {
          os_distro: 'arch',
          os_version: 'rolling',
          architecture: 'x86_64',
          os_admin_user: 'arch',
        },
      }),
    );
  }
  const others: [string, string, string, number][] = [
    ['openSUSE-Leap-15.6.x86_64-NoCloud', 'openSUSE', '15.6', 200],
    ['openSUSE-Leap-15.5.x86_64-NoCloud', 'opensuse-leap', '15.5', 600],
    ['gentoo-openstack-amd64-default', 'gentoo', '2.17', 90],
    ['nixos-24.05-x86_64-linux', 'nixos', '24.05', 400],
    ['alpine-virt-3.20.3-x86_64-uefi-cloudinit', 'alpine', '3.20', 120],
    ['openbsd-min-7.6-amd64', 'openbsd', '7.6', 300],
  ];
  for (const [name, distro, version, age] of others) {
    images.push(
      factory.build({
        ...base,
        name,
        createdAt: daysBefore(reference, age),
        hidden: age >= 600,
        sizeMiB: [150, 700],
        properties: { os_distro: distro, os_version: version, architecture: 'x86_64' },
      }),
    );
  }
  return images;
}

export function sharedWithDemo(factory: ImageFactory, reference: Date): SandboxGlanceImage[] {
  const shared = (
    name: string,
    age: number,
    status: 'accepted' | 'pending' | 'rejected',
    extra: Record<string, string>,
  ) =>
    factory.build({
      name,
      owner: dataScience.id,
      visibility: 'shared',
      createdAt: daysBefore(reference, age),
      sizeMiB: [4_000, 7_000],
      virtualGiB: 30,
      minDisk: 30,
      minRam: 8192,
      members: [[demo.id, status]],
      tags: ['gpu'],
      properties: { architecture: 'x86_64', hw_machine_type: 'q35', ...extra },
    });
  return [
    shared('cuda-12.4-ubuntu-22.04-20240612', 400, 'accepted', {
      os_distro: 'ubuntu',
      os_version: '22.04',
      nvidia_driver: '550.90.07',
    }),
    shared('cuda-12.6-ubuntu-24.04-20250110', 120, 'accepted', {
      os_distro: 'ubuntu',
      os_version: '24.04',
      nvidia_driver: '560.35.03',
    }),
    shared('rstudio-server-rocky-9-20250301', 60, 'accepted', { os_distro: 'rocky', os_version: '9.5' }),
    shared('jupyterhub-base-debian-12-20250420', 20, 'pending', { os_distro: 'debian', os_version: '12' }),
    shared('spark-3.5-almalinux-9-20241115', 200, 'rejected', { os_distro: 'almalinux', os_version: '9.4' }),
  ];
}

export function demoImages(factory: ImageFactory, reference: Date): SandboxGlanceImage[] {
  const { prng } = factory;
  const snapshot = (
    server: string,
    age: number,
    extra: Partial<Parameters<ImageFactory['build']>[0]> = {},
  ) => {
    const createdAt = daysBefore(reference, age);
    return factory.build({
      name: `${server}-snapshot-${createdAt.toISOString().slice(0, 10)}`,
      owner: demo.id,
      visibility: 'private',
      createdAt,
      sizeMiB: [1_500, 6_000],
      virtualGiB: 20,
      minDisk: 20,
      ...extra,
      properties: {
        image_type: 'snapshot',
        instance_uuid: factory.uuid(),
        base_image_ref: factory.uuid(),
        owner_project_name: 'demo',
        owner_user_name: 'demo',
        boot_roles: 'member,reader',
        os_distro: 'ubuntu',
        os_version: '22.04',
        architecture: 'x86_64',
        ...extra.properties,
      },
    });
  };
  const images = [
    snapshot('web-01', 700, { hidden: true }),
    snapshot('web-01', 300),
    snapshot('web-01', 30, { protected: true, tags: ['release-3.2'] }),
    snapshot('db-01', 400, { properties: { os_distro: 'debian', os_version: '12' } }),
    snapshot('db-01', 10, {
      status: 'deactivated',
      properties: { os_distro: 'debian', os_version: '12', hangar_note: 'pulled: contains test data' },
    }),
    snapshot('ci-runner', 90, { visibility: 'shared', tags: ['ci'] }),
    snapshot('build-cache', 2, { status: 'queued' }),
    snapshot('win-jump-host', 150, {
      sizeMiB: [12_000, 14_000],
      virtualGiB: 60,
      minDisk: 60,
      minRam: 4096,
      properties: { os_distro: 'windows', os_version: '2022', os_type: 'windows', hw_firmware_type: 'uefi' },
    }),
    snapshot('failed-upload', 45, { status: 'killed' }),
    factory.build({
      name: 'team-tools-ubuntu-24.04',
      owner: demo.id,
      visibility: 'community',
      createdAt: daysBefore(reference, 75),
      properties: { os_distro: 'ubuntu', os_version: '24.04', architecture: 'x86_64' },
    }),
    factory.build({
      name: 'legacy-app-centos-7',
      owner: demo.id,
      visibility: 'private',
      createdAt: daysBefore(reference, 1_000),
      hidden: true,
      protected: true,
      properties: {
        os_distro: 'centos',
        os_version: '7',
        architecture: 'x86_64',
        hangar_deprecates_at: '2024-06-30T00:00:00Z',
      },
    }),
  ];
  // A few nightly builds of the team's own image, some of them importing still.
  for (let night = 0; night < 6; night += 1) {
    const createdAt = daysBefore(reference, night);
    images.push(
      factory.build({
        name: `app-nightly-${yyyymmdd(createdAt)}`,
        owner: demo.id,
        visibility: 'private',
        createdAt,
        status: night === 0 ? 'importing' : 'active',
        hidden: night >= 4,
        sizeMiB: [800, 1_200],
        tags: ['nightly'],
        properties: {
          os_distro: 'ubuntu',
          os_version: '24.04',
          architecture: prng.pick(['x86_64', 'aarch64']),
        },
      }),
    );
  }
  return images;
}

/** Private images of other projects: in the cloud, never in demo's lists. */
export function otherPrivateImages(factory: ImageFactory, reference: Date): SandboxGlanceImage[] {
  return [
    factory.build({
      name: 'platform-staging-ubuntu-24.04',
      owner: platform.id,
      visibility: 'private',
      createdAt: daysBefore(reference, 3),
      properties: { os_distro: 'ubuntu', os_version: '24.04' },
    }),
    factory.build({
      name: 'platform-staging-windows-2025',
      owner: platform.id,
      visibility: 'private',
      createdAt: daysBefore(reference, 5),
      properties: { os_distro: 'windows', os_version: '2025' },
    }),
    factory.build({
      name: 'ds-scratch-gpu',
      owner: dataScience.id,
      visibility: 'private',
      createdAt: daysBefore(reference, 12),
      properties: { os_distro: 'ubuntu', os_version: '22.04' },
    }),
    factory.build({
      name: 'ds-internal-shared',
      owner: dataScience.id,
      visibility: 'shared',
      createdAt: daysBefore(reference, 40),
      properties: { os_distro: 'rocky', os_version: '9.5' },
    }),
  ];
}
