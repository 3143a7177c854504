/**
 * The images seed-glance.ts creates through Glance's API: what an operator publishes, what
 * other projects offer the community, and the demo project's own snapshots. Glance stores
 * user-defined properties as strings, so every one here is a string.
 */

export type Props = Record<string, unknown>;

export const linux = {
  disk_format: 'qcow2',
  container_format: 'bare',
  architecture: 'x86_64',
  hw_disk_bus: 'virtio',
  hw_qemu_guest_agent: 'yes',
};

export function platformImages(): Props[] {
  const images: Props[] = [];
  const ubuntu: [string, string, string[]][] = [
    ['20.04', 'focal', ['20240201', '20240501', '20240801']],
    ['22.04', 'jammy', ['20240301', '20240601', '20240901']],
    ['24.04', 'noble', ['20240601', '20240801', '20241001']],
  ];
  for (const [version, codename, serials] of ubuntu) {
    serials.forEach((serial, index) => {
      const latest = index === serials.length - 1;
      images.push({
        ...linux,
        name: `ubuntu-${version}-server-cloudimg-amd64-${serial}`,
        visibility: 'public',
        os_distro: 'ubuntu',
        os_version: version,
        os_admin_user: 'ubuntu',
        ubuntu_codename: codename,
        protected: latest,
        os_hidden: index === 0,
        min_disk: 3,
        tags: latest ? ['official', 'lts', 'latest'] : ['official', 'lts'],
      });
    });
  }
  for (const serial of ['20240701', '20241001']) {
    images.push({
      ...linux,
      architecture: 'aarch64',
      name: `ubuntu-24.04-server-cloudimg-arm64-${serial}`,
      visibility: 'public',
      os_distro: 'Ubuntu',
      os_version: '24.04',
      hw_firmware_type: 'uefi',
    });
  }
  images.push(
    {
      ...linux,
      name: 'debian-11-genericcloud-amd64-20240211-1654',
      visibility: 'public',
      os_distro: 'debian',
      os_version: '11',
      hangar_deprecates_at: '2024-08-14T00:00:00Z',
    },
    {
      ...linux,
      name: 'debian-11-genericcloud-amd64-20240812-1838',
      visibility: 'public',
      os_distro: 'debian',
      os_version: '11',
      hangar_deprecates_at: '2030-06-30T00:00:00Z',
    },
    {
      ...linux,
      name: 'debian-12-genericcloud-amd64-20240717-1811',
      visibility: 'public',
      os_distro: 'debian',
      os_version: '12',
    },
    {
      ...linux,
      name: 'debian-12-genericcloud-amd64-20241004-1903',
      visibility: 'public',
      os_distro: 'debian',
      os_version: '12',
      protected: true,
      tags: ['official', 'latest'],
    },
    {
      ...linux,
      name: 'CentOS-Stream-GenericCloud-9-20240805.0.x86_64',
      visibility: 'public',
      os_distro: 'CentOS',
      os_version: '9',
    },
    {
      ...linux,
      name: 'CentOS-Stream-GenericCloud-9-20241007.0.x86_64',
      visibility: 'public',
      os_distro: 'centos',
      os_version: '9',
      hw_machine_type: 'q35',
    },
    {
      ...linux,
      name: 'Rocky-8-GenericCloud-Base-8.10-20240528.0.x86_64',
      visibility: 'public',
      os_distro: 'rocky',
      os_version: '8.10',
    },
    {
      ...linux,
      name: 'Rocky-9-GenericCloud-Base-9.4-20240609.1.x86_64',
      visibility: 'public',
      os_distro: 'rocky',
      os_version: '9.4',
    },
    {
      ...linux,
      name: 'AlmaLinux-9-GenericCloud-9.4-20240805.x86_64',
      visibility: 'public',
      os_distro: 'almalinux',
      os_version: '9.4',
    },
    {
      ...linux,
      name: 'Fedora-Cloud-Base-Generic-40-1.14.x86_64',
      visibility: 'public',
      os_distro: 'fedora',
      os_version: '40',
    },
    {
      ...linux,
      name: 'Windows Server 2022 Standard (2024-09)',
      visibility: 'public',
      os_distro: 'windows',
      os_version: '2022',
      os_type: 'windows',
      hw_firmware_type: 'uefi',
      hw_machine_type: 'q35',
      hw_disk_bus: 'scsi',
      hw_scsi_model: 'virtio-scsi',
      min_disk: 40,
      min_ram: 4096,
      protected: true,
    },
    {
      ...linux,
      name: 'FreeBSD-14.1-RELEASE-amd64-zfs',
      visibility: 'public',
      os_distro: 'FreeBSD',
      os_version: '14.1',
    },
    {
      ...linux,
      name: 'FreeBSD-13.3-RELEASE-amd64-ufs',
      visibility: 'public',
      os_distro: 'Freebsd',
      os_version: '13.3',
    },
    { ...linux, disk_format: 'raw', name: 'cirros-0.6.2-x86_64-disk', visibility: 'public', min_ram: 64 },
  );
  return images;
}

export const communityImages: Props[] = [
  {
    ...linux,
    name: 'Arch-Linux-x86_64-cloudimg-20240915.263127',
    visibility: 'community',
    os_distro: 'arch',
    os_version: 'rolling',
  },
  {
    ...linux,
    name: 'openSUSE-Leap-15.6.x86_64-NoCloud',
    visibility: 'community',
    os_distro: 'opensuse-leap',
    os_version: '15.6',
  },
  {
    ...linux,
    name: 'openSUSE-Leap-15.5.x86_64-NoCloud',
    visibility: 'community',
    os_distro: 'opensuse',
    os_version: '15.5',
    os_hidden: true,
  },
];

export function demoImages(projectId: string): Props[] {
  const snapshot = (name: string, extra: Props): Props => ({
    ...linux,
    name,
    image_type: 'snapshot',
    instance_uuid: '8d2f7a3c-5b61-4e0f-9a7d-2c4e6b8f1a90',
    base_image_ref: 'ubuntu-22.04',
    owner_project_name: 'demo',
    os_distro: 'ubuntu',
    os_version: '22.04',
    ...extra,
  });
  return [
    snapshot('web-01-snapshot-2024-05-01', { visibility: 'private' }),
    snapshot('web-01-snapshot-2024-09-01', { visibility: 'private', tags: ['release-3.2'] }),
    snapshot('db-01-before-upgrade', { visibility: 'private', os_hidden: true }),
    snapshot('ci-runner-golden', {
      visibility: 'shared',
      description: `Golden CI image of project ${projectId}`,
    }),
  ];
}
