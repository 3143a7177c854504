import { z } from 'zod';

/**
 * The OS family vocabulary of the registry's mandatory "OS family" field: OpenStack's os_distro
 * list (lowercase, exactly) plus the families Hangar's catalog infers for the other clouds (amzn,
 * sles, cos, coreos, flatcar, oracle, photon). Using the catalog's words means a looked-up image
 * pre-fills the field, and records from every cloud group under one name.
 */

export interface OsFamily {
  id: string;
  label: string;
  /** Other spellings people type or clouds report; matched ignoring case, spaces and punctuation. */
  aliases?: readonly string[];
}

/** Common families first (the order the wizard's list shows), then the rarer os_distro values. */
const FAMILIES: readonly OsFamily[] = [
  { id: 'ubuntu', label: 'Ubuntu' },
  { id: 'debian', label: 'Debian' },
  { id: 'rhel', label: 'Red Hat Enterprise Linux', aliases: ['Red Hat', 'RedHat', 'RHEL'] },
  { id: 'centos', label: 'CentOS', aliases: ['CentOS Stream'] },
  { id: 'rocky', label: 'Rocky Linux' },
  { id: 'almalinux', label: 'AlmaLinux', aliases: ['Alma'] },
  { id: 'oracle', label: 'Oracle Linux', aliases: ['OL', 'OEL', 'Oracle Enterprise Linux'] },
  { id: 'fedora', label: 'Fedora' },
  {
    id: 'amzn',
    label: 'Amazon Linux',
    aliases: ['Amazon', 'Amazon Linux 2', 'Amazon Linux 2023', 'AL2', 'AL2023', 'amzn2'],
  },
  {
    id: 'sles',
    label: 'SUSE Linux Enterprise Server',
    // vSphere's generic `suse` guest id reaches the catalog as 'suse'.
    aliases: ['SLES', 'SUSE', 'SLE', 'SLES SAP', 'SLES for SAP', 'SUSE Linux Enterprise'],
  },
  { id: 'sled', label: 'SUSE Linux Enterprise Desktop' },
  { id: 'opensuse', label: 'openSUSE', aliases: ['openSUSE Leap', 'openSUSE Tumbleweed', 'Leap'] },
  { id: 'windows', label: 'Windows', aliases: ['Windows Server', 'Microsoft Windows', 'MS Windows', 'Win'] },
  { id: 'freebsd', label: 'FreeBSD' },
  { id: 'openbsd', label: 'OpenBSD' },
  { id: 'netbsd', label: 'NetBSD' },
  { id: 'cos', label: 'Container-Optimized OS', aliases: ['Container Optimized OS', 'COS'] },
  { id: 'coreos', label: 'Fedora CoreOS', aliases: ['CoreOS', 'FCOS'] },
  { id: 'flatcar', label: 'Flatcar Container Linux', aliases: ['Flatcar Linux'] },
  { id: 'photon', label: 'VMware Photon OS', aliases: ['Photon', 'Photon OS'] },
  { id: 'arch', label: 'Arch Linux' },
  { id: 'gentoo', label: 'Gentoo' },
  { id: 'opensolaris', label: 'OpenSolaris' },
  { id: 'mandriva', label: 'Mandriva' },
  { id: 'mandrake', label: 'Mandrake' },
  { id: 'mes', label: 'Mandriva Enterprise Server' },
  { id: 'msdos', label: 'MS-DOS', aliases: ['DOS'] },
  { id: 'netware', label: 'Novell NetWare', aliases: ['NetWare'] },
  // The field is mandatory: an appliance OS outside this list still needs an honest answer.
  { id: 'other', label: 'Other' },
];

export const OS_FAMILIES: readonly { id: string; label: string }[] = FAMILIES.map(({ id, label }) => ({
  id,
  label,
}));

/** "Free BSD", "free-bsd", "FreeBSD" → "freebsd". */
const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const BY_KEY = new Map<string, string>();
for (const family of FAMILIES) {
  for (const spelling of [family.id, family.label, ...(family.aliases ?? [])])
    BY_KEY.set(squash(spelling), family.id);
}

/** Any known spelling of a family → its id; unknown words (and 'unknown' itself) → null. */
export function normaliseOsFamily(input: string): string | null {
  return BY_KEY.get(squash(input)) ?? null;
}

/** The family's display name; an unrecognised value (an old record, an import) is shown as stored. */
export function osFamilyLabel(id: string): string {
  const known = normaliseOsFamily(id);
  if (known !== null) return FAMILIES.find((family) => family.id === known)?.label ?? known;
  return id.trim() === '' || squash(id) === 'unknown' ? 'Unknown' : id;
}

export const OsFamilySchema = z
  .string({ error: 'choose an OS family from the list' })
  .transform((input, ctx) => {
    const id = normaliseOsFamily(input);
    if (id === null) {
      ctx.addIssue({ code: 'custom', message: 'choose an OS family from the list' });
      return z.NEVER;
    }
    return id;
  });

const OS_VERSION_MAX = 32;

const hasControlChar = (text: string): boolean =>
  [...text].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });

/** Why a version (already trimmed and collapsed) is refused, or null when it is fine. */
function osVersionProblem(version: string): string | null {
  if (version === '') return 'give the OS version, e.g. 22.04 or 2022';
  if (version.length > OS_VERSION_MAX) return `keep the OS version to ${OS_VERSION_MAX} characters`;
  if (hasControlChar(version)) return 'the OS version holds a control character; remove it';
  return null;
}

const collapse = (input: string): string => input.trim().replace(/\s+/g, ' ');

/** "  24.04   LTS " → "24.04 LTS"; empty, over 32 characters or with control characters → null. */
export function normaliseOsVersion(input: string): string | null {
  const version = collapse(input);
  return osVersionProblem(version) === null ? version : null;
}

export const OsVersionSchema = z
  .string({ error: 'give the OS version, e.g. 22.04 or 2022' })
  .transform((input, ctx) => {
    const version = collapse(input);
    const problem = osVersionProblem(version);
    if (problem !== null) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return version;
  });
