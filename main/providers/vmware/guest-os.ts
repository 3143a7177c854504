/**
 * vSphere guest OS identifiers → Hangar's os_distro vocabulary. vSphere names the OS twice over:
 * SOAP says `rhel9_64Guest`, `windows2019srv_64Guest`; the REST API says `RHEL_9_64`,
 * `WINDOWS_SERVER_2019`. Both fold into one key (lowercase, no underscores, no "Guest", no
 * trailing 64) before the table below, so one table serves both.
 */
export interface GuestOs {
  family: string;
  version: string | null;
  /** 64-bit x86 unless the id says otherwise (vSphere has no arm templates on x86 hosts). */
  architecture: 'x86_64' | 'i386' | 'arm64';
}

export function guestKey(raw: string): { key: string; is64: boolean } {
  const text = raw.trim().replace(/Guest$/, '');
  const is64 = /64$/.test(text);
  return { key: text.replace(/_?64$/, '').toLowerCase().replace(/_/g, ''), is64 };
}

/** Windows ids by key; the SOAP and REST spellings of one release map to the same version. */
const WINDOWS: Record<string, string> = {
  windows7server: '2008 R2',
  windows8server: '2012',
  windows9server: '2016',
  windows2019srv: '2019',
  windowsserver2019: '2019',
  windows2019srvnext: '2022',
  windowsserver2021: '2022',
  windows2022srvnext: '2025',
  windowsserver2025: '2025',
  windows11: '11',
  windows9: '10',
  windows8: '8',
  windows7: '7',
  winvista: 'Vista',
  winxppro: 'XP',
  winlonghorn: '2008',
  winnetstandard: '2003',
  winnetenterprise: '2003',
  winnetdatacenter: '2003',
  winnetweb: '2003',
  winnetbusiness: '2003',
};

interface Rule {
  pattern: RegExp;
  family: string;
  /** A fixed version when the id implies one the pattern cannot capture. */
  version?: string;
}

/** Tried in order against the key; group 1, when present, is the version. */
const RULES: Rule[] = [
  { pattern: /^ubuntu$/, family: 'ubuntu' },
  { pattern: /^(?:rhel|redhat)(\d+)?$/, family: 'rhel' },
  { pattern: /^centos(\d+)?$/, family: 'centos' },
  { pattern: /^rockylinux(\d+)?$/, family: 'rocky' },
  { pattern: /^almalinux(\d+)?$/, family: 'almalinux' },
  { pattern: /^debian(\d+)?$/, family: 'debian' },
  { pattern: /^sles(\d+)?$/, family: 'sles' },
  { pattern: /^suse$/, family: 'suse' },
  { pattern: /^opensuse$/, family: 'opensuse' },
  { pattern: /^oraclelinux(\d+)?$/, family: 'oracle' },
  { pattern: /^fedora$/, family: 'fedora' },
  { pattern: /^freebsd(\d+)?$/, family: 'freebsd' },
  { pattern: /^amazonlinux2$/, family: 'amzn', version: '2' },
  { pattern: /^amazonlinux3$/, family: 'amzn', version: '2023' },
  { pattern: /^coreos$/, family: 'coreos' },
  { pattern: /^(?:vmwarephoton|photon)$/, family: 'photon' },
  { pattern: /^mandriva$/, family: 'mandriva' },
  { pattern: /^mandrake$/, family: 'mandrake' },
  { pattern: /^netware(\d+)?$/, family: 'netware' },
  { pattern: /^dos$/, family: 'msdos' },
];

/** Normalises a guest OS id from either API; unknown ids (otherLinux, darwin …) give 'unknown'. */
export function normaliseGuestOs(raw: string | null | undefined): GuestOs {
  if (!raw) return { family: 'unknown', version: null, architecture: 'x86_64' };
  const { key, is64 } = guestKey(raw);
  const windows = WINDOWS[key];
  // The REST spellings of Windows Server drop the "64": every Windows Server since 2008 R2 is 64-bit.
  const serverSince2008R2 = windows !== undefined && /^(20[1-9]\d|2008 R2)$/.test(windows);
  const architecture = /arm/.test(key) ? 'arm64' : is64 || serverSince2008R2 ? 'x86_64' : 'i386';
  if (windows) return { family: 'windows', version: windows, architecture };
  if (/^win/.test(key)) return { family: 'windows', version: null, architecture };
  for (const rule of RULES) {
    const match = rule.pattern.exec(key);
    if (match) return { family: rule.family, version: rule.version ?? match[1] ?? null, architecture };
  }
  return { family: 'unknown', version: null, architecture };
}

/** Name patterns, most specific first; group 1 of the second pattern is the version. */
const TEXT_RULES: [RegExp, string, RegExp?][] = [
  [
    /\bwin(?:dows)?[-_ ]?(?:server[-_ ]?)?(?:20\d\d|1[01]\b)|\bwindows\b/,
    'windows',
    /(?:win(?:dows)?[-_ ]?(?:server[-_ ]?)?)(20\d\d(?:[-_ ]?r2)?|1[01]\b)/,
  ],
  [/ubuntu/, 'ubuntu', /ubuntu[-_ ]?(\d{2}\.\d{2})/],
  [/\brhel|red hat enterprise linux/, 'rhel', /(?:rhel|red hat enterprise linux)[-_ ]?(\d+(?:\.\d+)?)/],
  [/rocky/, 'rocky', /rocky(?:[-_ ]?linux)?[-_ ]?(\d+(?:\.\d+)?)/],
  [/alma/, 'almalinux', /alma(?:[-_ ]?linux)?[-_ ]?(\d+(?:\.\d+)?)/],
  [/centos/, 'centos', /centos(?:[-_ ]?stream)?[-_ ]?(\d+)/],
  [/oracle[-_ ]?linux|\bol\d/, 'oracle', /(?:oracle[-_ ]?linux|\bol)[-_ ]?(\d+(?:\.\d+)?)/],
  [/\bsles|suse linux enterprise/, 'sles', /(?:sles|suse linux enterprise server)[-_ ]?(\d+(?:[-_ ]sp\d)?)/],
  [/opensuse/, 'opensuse', /opensuse[-_ ]?(?:leap[-_ ]?)?(\d+\.\d+)/],
  [/debian/, 'debian', /debian[-_ ]?(\d+)/],
  [/fedora/, 'fedora', /fedora[-_ ]?(\d+)/],
  [/freebsd/, 'freebsd', /freebsd[-_ ]?(\d+(?:\.\d+)?)/],
  [/photon/, 'photon', /photon(?:[-_ ]?os)?[-_ ]?(\d+(?:\.\d+)?)/],
];

/** Infers the OS from a template's name and description, for OVF items vCenter says nothing about. */
export function inferOsFromText(...texts: (string | null | undefined)[]): {
  family: string;
  version: string | null;
} {
  // The name first: a description may mention other systems ("replaces the RHEL 8 image").
  for (const text of texts) {
    const found = inferFromOne((text ?? '').toLowerCase());
    if (found.family !== 'unknown') return found;
  }
  return { family: 'unknown', version: null };
}

function inferFromOne(text: string): { family: string; version: string | null } {
  for (const [test, family, version] of TEXT_RULES) {
    if (test.test(text)) {
      const found = version?.exec(text)?.[1] ?? null;
      return { family, version: found ? found.replace(/[-_ ]?r2$/, ' R2').replace(/[-_ ]sp/, '-SP') : null };
    }
  }
  return { family: 'unknown', version: null };
}
