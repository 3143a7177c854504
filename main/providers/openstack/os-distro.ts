/**
 * Glance's `os_distro` is free text typed by whoever uploaded the image: "Ubuntu", "FreeBSD",
 * "Freebsd", "centos-stream", "Red Hat" all occur in real clouds. The catalog groups by one
 * lowercase vocabulary (the os_distro list in the facts file plus the newer distributions), so
 * every spelling is folded here, once, and the raw words stay in `osRaw`.
 */

/** The values `osFamily` may take for an OpenStack image. */
export const OS_DISTRO_VOCABULARY = [
  'arch',
  'centos',
  'debian',
  'fedora',
  'freebsd',
  'gentoo',
  'mandrake',
  'mandriva',
  'mes',
  'msdos',
  'netbsd',
  'netware',
  'openbsd',
  'opensolaris',
  'opensuse',
  'rhel',
  'sled',
  'ubuntu',
  'windows',
  'rocky',
  'almalinux',
  'sles',
  'coreos',
  'flatcar',
  'oracle',
  'amzn',
  'photon',
  'unknown',
] as const;
export type OsDistro = (typeof OS_DISTRO_VOCABULARY)[number];

const known = new Set<string>(OS_DISTRO_VOCABULARY);

/** Spellings seen in the wild (after lowercasing and squashing separators) → the vocabulary. */
const ALIASES: Record<string, OsDistro> = {
  archlinux: 'arch',
  centosstream: 'centos',
  'centos-stream': 'centos',
  redhat: 'rhel',
  'red-hat': 'rhel',
  'redhat-enterprise-linux': 'rhel',
  'red-hat-enterprise-linux': 'rhel',
  rockylinux: 'rocky',
  'rocky-linux': 'rocky',
  alma: 'almalinux',
  'alma-linux': 'almalinux',
  'opensuse-leap': 'opensuse',
  'opensuse-tumbleweed': 'opensuse',
  leap: 'opensuse',
  suse: 'sles',
  sle: 'sles',
  'sles-sap': 'sles',
  win: 'windows',
  mswindows: 'windows',
  'windows-server': 'windows',
  windowsserver: 'windows',
  'fedora-coreos': 'coreos',
  fcos: 'coreos',
  'flatcar-linux': 'flatcar',
  ol: 'oracle',
  oraclelinux: 'oracle',
  'oracle-linux': 'oracle',
  amazon: 'amzn',
  'amazon-linux': 'amzn',
  'photon-os': 'photon',
};

/** "FreeBSD" / "Freebsd" / " freebsd " → freebsd; unknown words → 'unknown'; empty → null. */
export function normaliseOsDistro(raw: unknown): OsDistro | null {
  if (typeof raw !== 'string') return null;
  const word = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (word === '') return null;
  if (known.has(word)) return word as OsDistro;
  return ALIASES[word] ?? ALIASES[word.replace(/-/g, '')] ?? 'unknown';
}

/** Name patterns, most specific first, for images that carry no os_distro at all. */
const NAME_PATTERNS: [RegExp, OsDistro][] = [
  [/\bcentos[\s_-]*stream\b|\bcentos\b/i, 'centos'],
  [/\brocky\b/i, 'rocky'],
  [/\balma(linux)?\b/i, 'almalinux'],
  [/\bfedora[\s_-]*core[\s_-]*os\b|\bfcos\b/i, 'coreos'],
  [/\bfedora\b/i, 'fedora'],
  [/\bubuntu\b/i, 'ubuntu'],
  [/\bdebian\b/i, 'debian'],
  [/\brhel\b|\bred[\s_-]*hat\b/i, 'rhel'],
  [/\bopensuse\b/i, 'opensuse'],
  [/\bsles\b/i, 'sles'],
  [/\bwindows\b/i, 'windows'],
  [/\bfreebsd\b/i, 'freebsd'],
  [/\bopenbsd\b/i, 'openbsd'],
  [/\bnetbsd\b/i, 'netbsd'],
  [/\bflatcar\b/i, 'flatcar'],
  [/\barch[\s_-]*linux\b/i, 'arch'],
];

/** Best guess from an image name such as "ubuntu-22.04-server-cloudimg-amd64-20240301". */
export function inferOsFromName(name: string | null | undefined): {
  family: OsDistro;
  version: string | null;
} {
  const text = (name ?? '').replace(/_/g, ' ');
  for (const [pattern, family] of NAME_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    // The first number after the distribution's name and at most three words ("-Stream-GenericCloud-9",
    // " Server 2022"), unless it is a build date (2024…).
    const after = text.slice(match.index + match[0].length);
    const version = /^(?:[\s-]+[a-z]+){0,3}[\s-]*(\d{1,4}(?:\.\d{1,2})?)(?!\d)/i.exec(after)?.[1] ?? null;
    return { family, version: version && !/^(19|20)\d{6}/.test(version) ? version : null };
  }
  return { family: 'unknown', version: null };
}
