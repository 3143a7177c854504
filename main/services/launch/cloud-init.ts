/** What the first boot assembles from the data volumes. */
export interface RaidPlan {
  level: '0' | '1';
  mountPoint: string;
  filesystem: 'ext4' | 'xfs';
  /** How many data volumes go into the array. */
  disks: number;
  /** Their size, to tell them from the boot disk and from volumes attached later. */
  sizeGb: number;
}

const BOUNDARY = 'HANGAR-MIME-BOUNDARY';

/**
 * A cloud-config that builds the RAID array at first boot. Device names differ by cloud and
 * instance family (/dev/sdf on Xen, /dev/nvme1n1 on Nitro, /dev/sdb on GCE and Azure), so the
 * script finds the disks instead: whole disks of the planned size with no partitions, no
 * filesystem and no mount. It waits for them, so slow attachments do not break the build.
 */
export function raidCloudConfig(plan: RaidPlan): string {
  const bytes = plan.sizeGb * 1024 ** 3;
  const mkfs = plan.filesystem === 'xfs' ? 'mkfs.xfs -f' : 'mkfs.ext4 -F';
  const script = [
    'set -eu',
    `want=${plan.disks}`,
    'for attempt in $(seq 1 60); do',
    `  disks=$(lsblk -dbpno NAME,TYPE,SIZE | awk '$2=="disk" && $3==${bytes} {print $1}' | while read -r d; do`,
    '    if [ -z "$(lsblk -no FSTYPE,MOUNTPOINT "$d" | tr -d "[:space:]")" ] && [ "$(lsblk -no NAME "$d" | wc -l)" -eq 1 ]; then echo "$d"; fi',
    '  done)',
    '  [ "$(echo "$disks" | grep -c .)" -ge "$want" ] && break',
    '  sleep 5',
    'done',
    'set -- $(echo "$disks" | head -n "$want")',
    `[ "$#" -eq "$want" ] || { echo "hangar: expected $want data disks of ${plan.sizeGb} GB, found $#" >&2; exit 1; }`,
    `mdadm --create /dev/md0 --run --level=${plan.level} --raid-devices="$want" "$@"`,
    'mdadm --detail --scan >> /etc/mdadm/mdadm.conf 2>/dev/null || mdadm --detail --scan >> /etc/mdadm.conf',
    `${mkfs} /dev/md0`,
    `mkdir -p ${plan.mountPoint}`,
    `echo "/dev/md0 ${plan.mountPoint} ${plan.filesystem} defaults,nofail 0 2" >> /etc/fstab`,
    `mount ${plan.mountPoint}`,
  ];
  return [
    '#cloud-config',
    '# Written by Hangar: assemble the data volumes as one RAID array at first boot.',
    'packages: [mdadm]',
    'runcmd:',
    '  - |',
    ...script.map((line) => `    ${line}`),
    '',
  ].join('\n');
}

/**
 * The user data the server gets: the user's own, the RAID config, or both as a MIME multipart
 * archive, which cloud-init runs part by part.
 */
export function composeUserData(userData: string | null, raid: string | null): string | null {
  const own = userData?.trim() ? userData : null;
  if (!raid) return own;
  if (!own) return raid;
  const ownType = own.startsWith('#cloud-config')
    ? 'text/cloud-config'
    : own.startsWith('#!')
      ? 'text/x-shellscript'
      : 'text/plain';
  return [
    `Content-Type: multipart/mixed; boundary="${BOUNDARY}"`,
    'MIME-Version: 1.0',
    '',
    `--${BOUNDARY}`,
    'Content-Type: text/cloud-config; charset="utf-8"',
    '',
    raid,
    `--${BOUNDARY}`,
    `Content-Type: ${ownType}; charset="utf-8"`,
    '',
    own,
    `--${BOUNDARY}--`,
    '',
  ].join('\n');
}
