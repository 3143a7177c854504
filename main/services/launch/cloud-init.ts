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
 * The shell that builds the RAID array. Device names differ by cloud and instance family
 * (/dev/sdf on Xen, /dev/nvme1n1 on Nitro, /dev/sdb on GCE and Azure), so it finds the disks
 * instead: whole disks of the planned size with no partitions, no filesystem and no mount. It
 * waits for them, so slow attachments do not break the build, and runs once.
 */
function raidScript(plan: RaidPlan): string[] {
  const bytes = plan.sizeGb * 1024 ** 3;
  const mkfs = plan.filesystem === 'xfs' ? 'mkfs.xfs -f' : 'mkfs.ext4 -F';
  return [
    'set -eu',
    `[ -e ${DONE_MARKER} ] && exit 0`,
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
    `touch ${DONE_MARKER}`,
  ];
}

/** Written when the array is built: a startup script runs at every boot, the array is made once. */
const DONE_MARKER = '/var/lib/hangar-raid-done';

/** A cloud-config that installs mdadm and builds the RAID array at first boot. */
export function raidCloudConfig(plan: RaidPlan): string {
  return [
    '#cloud-config',
    '# Written by Hangar: assemble the data volumes as one RAID array at first boot.',
    'packages: [mdadm]',
    'runcmd:',
    '  - |',
    ...raidScript(plan).map((line) => `    ${line}`),
    '',
  ].join('\n');
}

/**
 * The same as a startup script, for Compute Engine: many of its public images (Debian, RHEL) run
 * no cloud-init, but every one runs the `startup-script` metadata at boot.
 */
export function raidStartupScript(plan: RaidPlan): string {
  return [
    '#!/bin/bash',
    '# Written by Hangar: assemble the data volumes as one RAID array at first boot.',
    'command -v mdadm >/dev/null || { apt-get update -qq && apt-get install -y -qq mdadm; } || dnf install -y -q mdadm || yum install -y -q mdadm',
    ...raidScript(plan),
    '',
  ].join('\n');
}

/**
 * A startup script that runs the RAID script, then the user's own shell script (each in its own
 * shell, so one's `exit` does not skip the other).
 */
export function composeStartupScript(userScript: string | null, raid: string): string {
  if (!userScript?.trim()) return raid;
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  return ['#!/bin/bash', `bash -c ${quote(raid)}`, `bash -c ${quote(userScript)}`, ''].join('\n');
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
