/**
 * The operating systems the stand-in builds templates of, as vSphere names them: the SOAP guest
 * id, the REST API's enum for the same id, and the full name vCenter shows.
 */
export interface OsLine {
  slug: string;
  label: string;
  guestId: string;
  restGuest: string;
  fullName: string;
  versions: string[];
  cpu: number;
  memoryMb: number;
  diskGb: number;
}

type Row = [string, string, string, string, string, string[], [number, number, number]];

const line = ([
  slug,
  label,
  guestId,
  restGuest,
  fullName,
  versions,
  [cpu, memoryMb, diskGb],
]: Row): OsLine => ({
  slug,
  label,
  guestId,
  restGuest,
  fullName,
  versions,
  cpu,
  memoryMb,
  diskGb,
});

// slug, label, SOAP guest id, REST guest_OS, full name, versions, [vCPU, memory MiB, disk GB]
// prettier-ignore
const ROWS: Row[] = [
  ['ubuntu', 'Ubuntu', 'ubuntu64Guest', 'UBUNTU_64', 'Ubuntu Linux (64-bit)', ['20.04', '22.04', '24.04'], [2, 4096, 40]],
  ['rhel', 'RHEL', 'rhel9_64Guest', 'RHEL_9_64', 'Red Hat Enterprise Linux 9 (64-bit)', ['9.2', '9.3', '9.4'], [2, 4096, 50]],
  ['rhel', 'RHEL', 'rhel8_64Guest', 'RHEL_8_64', 'Red Hat Enterprise Linux 8 (64-bit)', ['8.8', '8.9', '8.10'], [2, 4096, 50]],
  // vSphere's id for Windows Server 2022 is windows2019srvNext_64Guest (REST: WINDOWS_SERVER_2021).
  ['win2022', 'Windows Server 2022', 'windows2019srvNext_64Guest', 'WINDOWS_SERVER_2021',
    'Microsoft Windows Server 2022 (64-bit)', ['datacenter', 'standard', 'core'], [4, 8192, 90]],
  ['win2019', 'Windows Server 2019', 'windows2019srv_64Guest', 'WINDOWS_SERVER_2019',
    'Microsoft Windows Server 2019 (64-bit)', ['datacenter', 'standard'], [4, 8192, 80]],
  ['debian', 'Debian', 'debian12_64Guest', 'DEBIAN_12_64', 'Debian GNU/Linux 12 (64-bit)', ['12'], [1, 2048, 20]],
  ['rocky', 'Rocky Linux', 'rockylinux_64Guest', 'ROCKYLINUX_64', 'Rocky Linux (64-bit)', ['8.10', '9.4'], [2, 4096, 40]],
  ['alma', 'AlmaLinux', 'almalinux_64Guest', 'ALMALINUX_64', 'AlmaLinux (64-bit)', ['9.3', '9.4'], [2, 4096, 40]],
  ['sles', 'SLES', 'sles15_64Guest', 'SLES_15_64', 'SUSE Linux Enterprise 15 (64-bit)', ['15-sp5', '15-sp6'], [2, 4096, 40]],
  ['centos', 'CentOS', 'centos7_64Guest', 'CENTOS_7_64', 'CentOS 7 (64-bit)', ['7.9'], [2, 2048, 30]],
  ['oracle-linux', 'Oracle Linux', 'oracleLinux9_64Guest', 'ORACLE_LINUX_9_64', 'Oracle Linux 9 (64-bit)', ['9.3'], [2, 4096, 40]],
];

export const OS_LINES: readonly OsLine[] = ROWS.map(line);

/** Vendor appliances shipped as OVF: vCenter records no guest OS for ovf items. */
export const APPLIANCES: readonly string[] = [
  'vmware-photon-os-5.0-ovf',
  'nsx-edge-4.1.2-ovf',
  'f5-bigip-17.1-ovf',
  'paloalto-vm-series-11.1-ovf',
  'veeam-proxy-ubuntu-22.04-ovf',
  'gitlab-runner-debian-12-ovf',
  'freebsd-14.1-base-ovf',
  'fortigate-vm-7.4-ovf',
  'haproxy-alma-9.4-ovf',
  'zabbix-appliance-rocky-9-ovf',
  'splunk-forwarder-rhel-9-ovf',
  'pfsense-ce-2.7-ovf',
];
