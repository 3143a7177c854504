/** An image's OS in the catalog's os_distro vocabulary, and the distributor's version string. */
export interface AzureOs {
  family: string;
  version: string | null;
}

/** What Azure tells about an image's OS: Marketplace words, a gallery identifier, a name, the OS type. */
export interface AzureOsEvidence {
  publisher?: string;
  offer?: string;
  sku?: string;
  /** A resource or definition name, e.g. `ubuntu-2204-web-20240611`, `win2022-iis`. */
  name?: string;
  /** `Linux` or `Windows`, the only OS fact every Azure image carries. */
  osType?: string;
}

const UBUNTU_CODENAMES: Record<string, string> = {
  xenial: '16.04',
  bionic: '18.04',
  focal: '20.04',
  jammy: '22.04',
  noble: '24.04',
  oracular: '24.10',
  plucky: '25.04',
  questing: '25.10',
  resolute: '26.04',
};

/** `24_04`, `24.04`, `2404` → `24.04` (the first that appears, SKU before offer before name). */
function ubuntuVersion(texts: string[]): string | null {
  for (const text of texts) {
    const dotted = /(?:^|[^\d])(\d{2})[._](\d{2})(?!\d)/.exec(text);
    if (dotted) return `${dotted[1]}.${dotted[2]}`;
  }
  for (const text of texts) {
    const codename = Object.keys(UBUNTU_CODENAMES).find((name) => text.includes(name));
    if (codename) return UBUNTU_CODENAMES[codename] ?? null;
  }
  for (const text of texts) {
    const compact = /ubuntu-?(\d{2})(\d{2})(?!\d)/.exec(text);
    if (compact) return `${compact[1]}.${compact[2]}`;
  }
  return null;
}

/** `8-lvm-gen2` → 8, `9_4` → 9.4, `8_10` → 8.10, `rhel9-hardened` → 9, `ol94-lvm` → 9.4 (Oracle). */
function majorMinor(texts: string[], prefix: RegExp): string | null {
  for (const text of texts) {
    const match = new RegExp(`(?:^|[^a-z0-9])${prefix.source}(\\d{1,2})(?:[._](\\d{1,2}))?(?![\\d])`).exec(
      text,
    );
    if (match) return match[2] ? `${match[1]}.${match[2]}` : (match[1] ?? null);
  }
  return null;
}

function windowsVersion(texts: string[]): string | null {
  for (const text of texts) {
    const match = /(?:^|[^\d])(20\d{2})(-r2)?(?!\d)/.exec(text);
    if (match) return `${match[1]}${match[2] ? ' R2' : ''}`;
  }
  return null;
}

function slesVersion(texts: string[]): string | null {
  for (const text of texts) {
    const match = /sles-?(\d{2})(?:-sp(\d))?/.exec(text);
    if (match) return match[2] ? `${match[1]}-SP${match[2]}` : (match[1] ?? null);
  }
  return null;
}

/** `opensuse-leap-15-6` → 15.6. */
function leapVersion(texts: string[]): string | null {
  for (const text of texts) {
    const match = /leap-?(\d{2})[-._](\d)(?!\d)/.exec(text);
    if (match) return `${match[1]}.${match[2]}`;
  }
  return null;
}

interface Rule {
  family: string;
  test: (all: string, publisher: string) => boolean;
  version: (texts: string[]) => string | null;
}

/** Most specific first: vendor images mention their base ("ubuntu-pro", "sles-sap"). */
const RULES: Rule[] = [
  {
    family: 'windows',
    test: (all, publisher) =>
      publisher.startsWith('microsoftwindows') || /windows|\bwin20\d{2}|^win20|datacenter/.test(all),
    version: windowsVersion,
  },
  {
    family: 'ubuntu',
    test: (all, publisher) => publisher === 'canonical' || all.includes('ubuntu'),
    version: ubuntuVersion,
  },
  {
    family: 'rhel',
    test: (all, publisher) => publisher === 'redhat' || /\brhel|red ?hat/.test(all),
    version: (t) => majorMinor(t, /(?:rhel-?)?/),
  },
  {
    family: 'rocky',
    test: (all) => all.includes('rocky'),
    version: (t) => majorMinor(t, /(?:rocky(?:linux)?-?)?/),
  },
  {
    family: 'almalinux',
    test: (all) => all.includes('alma'),
    version: (t) => majorMinor(t, /(?:almalinux-?)?/),
  },
  { family: 'centos', test: (all) => all.includes('centos'), version: (t) => majorMinor(t, /(?:centos-?)?/) },
  {
    family: 'oracle',
    test: (all, publisher) => publisher === 'oracle' || /oracle-linux|\bol\d/.test(all),
    version: (t) => majorMinor(t, /ol/),
  },
  { family: 'opensuse', test: (all) => all.includes('opensuse'), version: leapVersion },
  {
    family: 'sles',
    test: (all, publisher) => publisher === 'suse' || /\bsles|suse/.test(all),
    version: slesVersion,
  },
  {
    family: 'debian',
    test: (all, publisher) => publisher === 'debian' || all.includes('debian'),
    version: (t) => majorMinor(t, /(?:debian-?)?/),
  },
  { family: 'fedora', test: (all) => all.includes('fedora'), version: (t) => majorMinor(t, /(?:fedora-?)?/) },
  {
    family: 'freebsd',
    test: (all) => all.includes('freebsd'),
    version: (t) => majorMinor(t, /(?:freebsd-?)?/),
  },
];

/**
 * Infers the OS of an Azure image from its Marketplace words (publisher, offer, SKU), a gallery
 * definition's identifier or a resource name, with the OS type as the last resort: `unknown`
 * rather than a guess for Linux images that say nothing more.
 */
export function inferAzureOs(evidence: AzureOsEvidence): AzureOs {
  const publisher = (evidence.publisher ?? '').toLowerCase();
  // SKU first: it carries the version most precisely (`22_04-lts-gen2`, `8-lvm-gen2`, `9_4`).
  const texts = [evidence.sku, evidence.offer, evidence.name]
    .filter((t): t is string => typeof t === 'string' && t !== '')
    .map((t) => t.toLowerCase());
  const all = texts.join(' ');
  const rule = RULES.find((r) => r.test(all, publisher));
  if (rule) return { family: rule.family, version: rule.version(texts) };
  return { family: evidence.osType?.toLowerCase() === 'windows' ? 'windows' : 'unknown', version: null };
}

/** Azure's architecture words (`x64`, `Arm64`) in the catalog's (`x86_64`, `arm64`). */
export function normaliseArchitecture(architecture: string | undefined): string {
  const value = (architecture ?? '').toLowerCase();
  // The API documents x64 as the default when a resource leaves the property out.
  if (value === '' || value === 'x64') return 'x86_64';
  if (value === 'arm64') return 'arm64';
  return value;
}
