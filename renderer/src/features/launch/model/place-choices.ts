import type { Account, Cloud, RegistryMapping } from '@contract/index';

/** Where the dialog launches from: a registry record (one of its mappings) or one catalog image. */
export type LaunchSource =
  | { kind: 'record'; recordId: string }
  | { kind: 'image'; accountId: string; location: string; imageId: string; name: string };

/** One account × location × image the dialog can launch in. */
export interface PlaceChoice {
  id: string;
  cloud: Cloud | null;
  accountId: string;
  accountName: string;
  location: string;
  imageId: string;
  imageName: string;
  /** VMware: the cluster or resource pool the mapping names. */
  computeResource: string | null;
  /** Why launching here is doubtful (the image is missing or deregistered), or null. */
  warning: string | null;
}

const GONE: Partial<Record<RegistryMapping['drift']['state'], string>> = {
  missing: 'the cloud no longer has this image',
  deregistered: 'the image is deregistered',
};

/** A record launches only where it maps to: one choice per mapping. */
export function recordPlaces(mappings: readonly RegistryMapping[]): PlaceChoice[] {
  return mappings.map((m) => ({
    id: m.id,
    cloud: m.cloud,
    accountId: m.accountId,
    accountName: m.accountName,
    location: m.location,
    imageId: m.cloudImageId,
    imageName: m.imageName,
    computeResource: m.computeResource,
    warning: GONE[m.drift.state] ?? null,
  }));
}

/** Why a registry record offers no launch, or null when it does. */
export function recordLaunchRefusal(record: { access: string; mappings: readonly unknown[] }): string | null {
  if (record.access === 'deleted')
    return 'Deleted records offer no new launches: the record is kept only for what already uses it.';
  if (record.mappings.length === 0) return 'This record maps to no cloud image yet: add a location first.';
  return null;
}

/** A catalog image launches where it is: one fixed choice (the cloud comes from its account). */
export function imagePlace(
  source: Extract<LaunchSource, { kind: 'image' }>,
  accounts: readonly Account[] | undefined,
): PlaceChoice {
  const account = accounts?.find((a) => a.id === source.accountId);
  return {
    id: 'image',
    cloud: account?.cloud ?? null,
    accountId: source.accountId,
    accountName: account?.name ?? source.accountId,
    location: source.location,
    imageId: source.imageId,
    imageName: source.name,
    computeResource: null,
    warning: null,
  };
}

export function placeLabel(place: PlaceChoice): string {
  const label = `${place.accountName} · ${place.location}`;
  return place.warning ? `${label} (${place.warning})` : label;
}

/** Compute Engine images are global, but a server is made in one zone. */
export const DEFAULT_GCP_ZONE = 'us-central1-a';
const GCP_ZONE = /^[a-z]+(?:-[a-z]+)*\d+-[a-z]$/;

export function isGcpZone(text: string): boolean {
  return GCP_ZONE.test(text.trim());
}

/** The zone to offer first: the mapping's own location when it is a zone, else a common one. */
export function defaultZone(place: PlaceChoice | null): string {
  return place && isGcpZone(place.location) ? place.location : DEFAULT_GCP_ZONE;
}

/**
 * The location the launch calls name: the place's own, except on GCE where it is the zone the
 * user gives (its images live in "global").
 */
export function launchLocation(place: PlaceChoice, zone: string): string {
  return place.cloud === 'gcp' ? zone.trim() : place.location;
}

/** A server name the clouds accept (letters, digits, . _ -), made from the image's name. */
export function serverNameFrom(imageName: string): string {
  // "ubuntu/images/hvm-ssd/ubuntu-noble-24.04-…": the last part names the image.
  const last =
    imageName
      .split('/')
      .filter((part) => part.trim())
      .pop() ?? '';
  const name = last
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 40)
    .replace(/[-.]+$/, '');
  return name || 'server';
}
