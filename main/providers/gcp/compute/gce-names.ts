import { CloudError } from '../../driver';

/**
 * Compute Engine's naming rules, checked before a request leaves Hangar: zones as launch
 * locations, RFC 1035 resource names, labels, and references written as `projects/P/…` paths.
 */

const refuse = (message: string): CloudError => new CloudError({ code: 'invalid-request', message });

const ZONE = /^[a-z]+-[a-z]+\d+-[a-z]$/;
const REGION = /^[a-z]+-[a-z]+\d+$/;
const NAME = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Servers live in a zone (us-central1-a); images are global. The launch dialog's location for
 * Compute Engine is therefore a zone, and "global" is refused with that explanation.
 */
export function zoneOf(location: string): string {
  if (ZONE.test(location)) return location;
  throw refuse(
    `Compute Engine runs servers in a zone such as us-central1-a, not "${location.slice(0, 40)}"` +
      (location === 'global' ? ' (images are global, servers are not)' : '') +
      '. Choose a zone, then try again.',
  );
}

export const regionOf = (zone: string): string => zone.replace(/-[a-z]$/, '');
export const isZone = (location: string): boolean => ZONE.test(location);
export const isRegion = (location: string): boolean => REGION.test(location);

/** The last path segment of a URL or path: the resource's own name. */
export const lastSegment = (link: string | null | undefined): string => (link ?? '').split('/').pop() ?? '';

/**
 * A name Compute accepts, from what the user typed: lowercased, with spaces, dots and
 * underscores turned into dashes. Anything still outside the rule is refused, not mangled.
 */
export function resourceName(raw: string, what: string): string {
  const name = raw
    .trim()
    .toLowerCase()
    .replace(/[\s._]+/g, '-');
  if (NAME.test(name)) return name;
  throw refuse(
    `${what} "${raw.slice(0, 80)}" is not a name Compute Engine accepts: use lowercase letters, digits and dashes, start with a letter, end with a letter or digit, at most 63 characters.`,
  );
}

/** One name per server: the name itself for one, name-1 … name-N for several. */
export function instanceNames(raw: string, count: number): string[] {
  const base = resourceName(raw, 'The server name');
  if (count <= 1) return [base];
  const suffix = String(count).length + 1;
  const stem = base.slice(0, 63 - suffix).replace(/-+$/, '');
  return Array.from({ length: count }, (_, i) => `${stem}-${i + 1}`);
}

const LABEL_CHARS = /[^\p{Ll}\p{Lo}0-9_-]/gu;

/**
 * Tags as Compute labels: keys and values lowercased, other characters (spaces, dots, colons,
 * slashes) turned into underscores. Keys must then start with a letter; both stay within 63
 * characters; at most 64 labels. What cannot be made to fit is refused with the rule.
 */
export function gceLabels(tags: Record<string, string>): Record<string, string> {
  const labels: Record<string, string> = {};
  const entries = Object.entries(tags);
  if (entries.length > 64)
    throw refuse(`Compute Engine takes at most 64 labels; this launch has ${entries.length}.`);
  for (const [rawKey, rawValue] of entries) {
    const key = rawKey.trim().toLowerCase().replace(LABEL_CHARS, '_');
    const value = rawValue.trim().toLowerCase().replace(LABEL_CHARS, '_');
    if (!/^\p{Ll}/u.test(key)) {
      throw refuse(
        `The tag "${rawKey.slice(0, 63)}" cannot be a Compute Engine label: a label key must start with a lowercase letter.`,
      );
    }
    if (key.length > 63 || value.length > 63) {
      throw refuse(
        `The tag "${rawKey.slice(0, 63)}" is too long for a Compute Engine label: keys and values hold at most 63 characters.`,
      );
    }
    if (key in labels && labels[key] !== value) {
      throw refuse(
        `The tags "${rawKey.slice(0, 63)}" and another both become the label "${key}" with different values; rename one.`,
      );
    }
    labels[key] = value;
  }
  return labels;
}

const URL_PREFIX = /^https?:\/\/[^/]+\/compute\/(?:v1|beta|alpha)\//;

/**
 * A network as `projects/P/global/networks/NAME`, from a name, a path or a selfLink. Paths
 * into another project (a Shared VPC host) are kept as given.
 */
export function networkPath(project: string, value: string): string {
  const path = value.trim().replace(URL_PREFIX, '');
  if (/^projects\/[^/]+\/global\/networks\/[^/]+$/.test(path)) return path;
  if (/^global\/networks\/[^/]+$/.test(path)) return `projects/${project}/${path}`;
  return `projects/${project}/global/networks/${resourceName(path, 'The network')}`;
}

/** A subnetwork as `projects/P/regions/R/subnetworks/NAME`; a bare name is taken in the zone's region. */
export function subnetworkPath(project: string, region: string, value: string): string {
  const path = value.trim().replace(URL_PREFIX, '');
  if (/^projects\/[^/]+\/regions\/[^/]+\/subnetworks\/[^/]+$/.test(path)) return path;
  if (/^regions\/[^/]+\/subnetworks\/[^/]+$/.test(path)) return `projects/${project}/${path}`;
  return `projects/${project}/regions/${region}/subnetworks/${resourceName(path, 'The subnetwork')}`;
}

/** A selfLink (or path) as the `projects/P/…` path Hangar shows and accepts back. */
export const relativePath = (link: string | null | undefined): string => (link ?? '').replace(URL_PREFIX, '');

/** A server given as a name (in the location's zone) or as `zones/Z/instances/NAME`. */
export function serverRef(location: string, serverId: string): { zone: string; name: string } {
  const m = /^(?:projects\/[^/]+\/)?zones\/([^/]+)\/instances\/([^/]+)$/.exec(relativePath(serverId));
  if (m) return { zone: zoneOf(m[1] ?? ''), name: m[2] ?? '' };
  return { zone: zoneOf(location), name: resourceName(serverId, 'The server') };
}
