/** An image's OS in OpenStack's `os_distro` vocabulary, the version, and the words it came from. */
export interface GcpOs {
  family: string;
  version: string | null;
  raw: string | null;
}

export interface GcpOsEvidence {
  family?: string | null;
  name?: string | null;
  /** License URLs or `project/license` names. */
  licenses?: readonly string[] | null;
}

interface Rule {
  family: string;
  test: RegExp;
  version: (text: string) => string | null;
}

const first =
  (pattern: RegExp) =>
  (text: string): string | null =>
    pattern.exec(text)?.[1] ?? null;

/** `x-9` → 9, `x-9-4-sap` → 9.4 (a minor release), ignoring build stamps such as `-v20240815`. */
const majorMinor =
  (prefix: string) =>
  (text: string): string | null => {
    const match = new RegExp(`${prefix}-(\\d{1,2})(?:-(\\d{1,2}))?(?=-|$)`).exec(text);
    if (!match) return null;
    return match[2] ? `${match[1]}.${match[2]}` : (match[1] as string);
  };

function windowsVersion(text: string): string | null {
  const match = /(?:windows|win)-(?:server-)?(\d{4})(-r2)?/.exec(text);
  if (!match) return null;
  return match[2] ? `${match[1]} R2` : (match[1] as string);
}

function ubuntuVersion(text: string): string | null {
  const match = /ubuntu(?:-minimal|-pro|-accelerator)?(?:-fips)?-(\d{2})(\d{2})/.exec(text);
  return match ? `${match[1]}.${match[2]}` : null;
}

function slesVersion(text: string): string | null {
  const match = /sles-(\d{2})(?:-sp(\d))?/.exec(text);
  if (!match) return null;
  return match[2] ? `${match[1]}-SP${match[2]}` : (match[1] as string);
}

/** Most specific first: SQL Server images also name Windows, CoreOS also names Fedora. */
const RULES: Rule[] = [
  { family: 'windows', test: /windows|(?:^|-)win-\d{4}/, version: windowsVersion },
  { family: 'ubuntu', test: /ubuntu/, version: ubuntuVersion },
  { family: 'debian', test: /debian/, version: first(/debian-(\d{1,2})(?=-|$)/) },
  { family: 'rhel', test: /(?:^|-)rhel(?:-|$)/, version: majorMinor('rhel') },
  { family: 'rocky', test: /rocky-linux/, version: majorMinor('rocky-linux') },
  { family: 'almalinux', test: /almalinux/, version: majorMinor('almalinux') },
  { family: 'centos', test: /centos/, version: first(/centos-(?:stream-)?(\d{1,2})(?=-|$)/) },
  { family: 'coreos', test: /fedora-coreos/, version: first(/fedora-coreos-(\d{2})(?=-)/) },
  { family: 'fedora', test: /fedora/, version: first(/fedora-(?:cloud-)?(?:base-gcp-)?(\d{2})(?=-|$)/) },
  { family: 'sles', test: /(?:^|-)sles(?:-|$)/, version: slesVersion },
  { family: 'opensuse', test: /opensuse/, version: first(/opensuse-leap-(\d{2}-\d)/) },
  { family: 'freebsd', test: /freebsd/, version: first(/freebsd-(\d{1,2}-\d)/) },
  {
    family: 'cos',
    test: /^(?:shielded-)?cos(?:-|$)/,
    version: first(/^cos-(?:arm64-)?(?:stable-|beta-|dev-)?(\d{2,3})(?=-lts$|-\d{4,5}-)/),
  },
];

/** `https://…/projects/debian-cloud/global/licenses/debian-12-bookworm` → `debian-12-bookworm`. */
export function licenseName(license: string): string {
  return license.replace(/^.*\/licenses\//, '').replace(/^[^/]*\//, '');
}

/**
 * Infers the OS of a Compute image. Licenses come first: Google attaches the OS license to every
 * image derived from a public one, whatever the team named it. Then the family, then the name.
 * The version is read from the family first (`ubuntu-2404-lts-amd64`), then the name, then the
 * licenses. `unknown` rather than a guess.
 */
export function inferGcpOs(evidence: GcpOsEvidence): GcpOs {
  const licenses = (evidence.licenses ?? []).map(licenseName).map((text) => text.toLowerCase());
  const family = evidence.family?.toLowerCase() || null;
  const name = evidence.name?.toLowerCase() || null;
  const raw = licenses.length > 0 ? licenses.join(', ') : family;
  const detectOrder = [...licenses, family, name].filter((text): text is string => text !== null);
  const rule = detectOrder.map((text) => RULES.find((r) => r.test.test(text))).find((r) => r !== undefined);
  if (!rule) return { family: 'unknown', version: null, raw };
  const versionOrder = [family, name, ...licenses].filter((text): text is string => text !== null);
  const version = versionOrder
    .filter((text) => rule.test.test(text))
    .map((text) => rule.version(text))
    .find((v) => v !== null);
  return { family: rule.family, version: version?.replace(/^(\d+)-(\d)$/, '$1.$2') ?? null, raw };
}
