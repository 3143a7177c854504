/** An image's OS in OpenStack's `os_distro` vocabulary, and the distributor's version string. */
export interface InferredOs {
  family: string;
  version: string | null;
}

export interface OsEvidence {
  platform?: string;
  platformDetails?: string;
  name?: string;
  description?: string;
}

const UBUNTU_CODENAMES: Record<string, string> = {
  xenial: '16.04',
  bionic: '18.04',
  focal: '20.04',
  jammy: '22.04',
  kinetic: '22.10',
  lunar: '23.04',
  mantic: '23.10',
  noble: '24.04',
  oracular: '24.10',
  plucky: '25.04',
  questing: '25.10',
  resolute: '26.04',
};

interface Rule {
  family: string;
  test: RegExp;
  version?: (text: string) => string | null;
}

const first =
  (pattern: RegExp) =>
  (text: string): string | null =>
    pattern.exec(text)?.[1] ?? null;

function ubuntuVersion(text: string): string | null {
  const numeric = /ubuntu[^0-9]{0,30}?(\d{2}\.\d{2})/.exec(text)?.[1];
  if (numeric) return numeric;
  const codename = Object.keys(UBUNTU_CODENAMES).find((name) => text.includes(name));
  return codename ? (UBUNTU_CODENAMES[codename] ?? null) : null;
}

function amazonLinuxVersion(text: string): string | null {
  if (/al2023|amazon linux 2023/.test(text)) return '2023';
  if (/amzn2|amazon linux 2\b/.test(text)) return '2';
  return first(/amzn-ami-(?:hvm-|minimal-hvm-)?(\d{4}\.\d{2})/)(text);
}

function slesVersion(text: string): string | null {
  const match = /(?:sles|suse linux enterprise server)[- ]?(\d{2})(?:[- ]sp(\d))?/.exec(text);
  if (!match) return null;
  return match[2] ? `${match[1]}-SP${match[2]}` : (match[1] ?? null);
}

/** Most specific first: vendors' names mention the base distro ("… on Debian 12"). */
const RULES: Rule[] = [
  { family: 'windows', test: /\bwindows/, version: first(/windows[_ -]server[_ -](\d{4}(?:[_ -]r2)?)/) },
  { family: 'ubuntu', test: /ubuntu/, version: ubuntuVersion },
  { family: 'amzn', test: /\bal2023|amzn|amazon linux|amazon-eks|amazon-ecs/, version: amazonLinuxVersion },
  {
    family: 'rhel',
    test: /\brhel\b|rhel-|red hat enterprise linux/,
    version: first(/(?:rhel-|red hat enterprise linux )(\d+(?:\.\d+)?)/),
  },
  { family: 'rocky', test: /rocky/, version: first(/rocky[\s\S]{0,30}?(\d+\.\d+)/) },
  {
    family: 'almalinux',
    test: /almalinux|alma linux/,
    version: first(/alma ?linux(?: os)? (\d+(?:\.\d+)?)/),
  },
  { family: 'centos', test: /centos/, version: first(/centos(?: stream)?[- ]?(\d+(?:\.\d+)?)/) },
  { family: 'sles', test: /\bsles\b|suse-sles|suse linux enterprise/, version: slesVersion },
  { family: 'opensuse', test: /opensuse/, version: first(/opensuse[- ]leap[- ](\d+\.\d+)/) },
  { family: 'fedora', test: /fedora/, version: first(/fedora[^0-9]{0,20}?(\d{2})/) },
  { family: 'debian', test: /debian/, version: first(/debian[- ](\d+)/) },
  { family: 'freebsd', test: /freebsd/, version: first(/freebsd[- ](\d+\.\d+)/) },
];

/**
 * Infers the OS from what EC2 reports: the billing platform first (it cannot lie about Windows,
 * RHEL or SUSE), then the name, then the description; `unknown` rather than a guess.
 */
export function inferOs(evidence: OsEvidence): InferredOs {
  const details = (evidence.platformDetails ?? '').toLowerCase();
  const name = (evidence.name ?? '').toLowerCase();
  const description = (evidence.description ?? '').toLowerCase();
  const byPlatform =
    evidence.platform?.toLowerCase() === 'windows' || details.startsWith('windows')
      ? 'windows'
      : details.startsWith('red hat')
        ? 'rhel'
        : details.startsWith('suse')
          ? 'sles'
          : details.startsWith('ubuntu pro')
            ? 'ubuntu'
            : null;
  for (const text of [name, description]) {
    const rule = RULES.find((r) => (byPlatform ? r.family === byPlatform : r.test.test(text)));
    if (rule && (byPlatform === null || rule.test.test(text))) {
      return { family: rule.family, version: rule.version?.(text)?.replace(/[_ -]r2$/, ' R2') ?? null };
    }
  }
  return { family: byPlatform ?? 'unknown', version: null };
}
