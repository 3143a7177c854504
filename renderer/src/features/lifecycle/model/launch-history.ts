import {
  imageLocationOf,
  type LaunchEntry,
  type RegistryMapping,
  type RegistryRecord,
} from '@contract/index';

export type LaunchServer = LaunchEntry['servers'][number];
export type ServerState = LaunchServer['state'];

/** States in which a server still exists in the cloud (and so costs money, and holds its image). */
const LIVE: ReadonlySet<ServerState> = new Set(['pending', 'building', 'running', 'stopping', 'stopped']);

export const isLiveServer = (server: Pick<LaunchServer, 'state'>): boolean => LIVE.has(server.state);

export const hasLiveServer = (launch: Pick<LaunchEntry, 'servers'>): boolean =>
  launch.servers.some(isLiveServer);

/** A server an image can be captured from: running, and known to the cloud by id. */
export const isCapturable = (server: LaunchServer): server is LaunchServer & { serverId: string } =>
  server.state === 'running' && server.serverId !== null;

/** What people call the launch: the name they gave it, else its first server, else its id. */
export function launchName(launch: Pick<LaunchEntry, 'spec' | 'servers' | 'id'>): string {
  return launch.spec.Name ?? launch.servers[0]?.name ?? launch.id;
}

/** Every address of every server, once each, in the order the servers report them. */
export function addressesOf(launch: Pick<LaunchEntry, 'servers'>): string[] {
  return [...new Set(launch.servers.flatMap((server) => server.addresses))];
}

/** Why a launch (or some of its servers) failed, in the cloud's words; null when nothing failed. */
export function failureReason(launch: Pick<LaunchEntry, 'state' | 'error' | 'servers'>): string | null {
  const serverReasons = launch.servers
    .filter((server) => server.state === 'failed' && server.reason)
    .map((server) => `${server.name}: ${server.reason}`);
  if (launch.state === 'failed') {
    const reasons = [launch.error?.message, ...serverReasons].filter((text): text is string => !!text);
    return reasons.length > 0 ? reasons.join(' · ') : 'The cloud gave no reason.';
  }
  return serverReasons.length > 0 ? serverReasons.join(' · ') : null;
}

/** Null when Terminate can be offered; otherwise why not, said to the user. */
export function terminateBlocked(launch: Pick<LaunchEntry, 'state' | 'servers'>): string | null {
  if (hasLiveServer(launch)) return null;
  if (launch.state === 'terminated') return 'Its servers are already terminated.';
  if (launch.servers.length === 0) return 'No server of this launch was started.';
  return 'No server of this launch still exists.';
}

/** The spec as label → value rows, in the order main wrote them. */
export const specRows = (launch: Pick<LaunchEntry, 'spec'>): [string, string][] =>
  Object.entries(launch.spec);

/** Whether a launch started from this mapping's image (GCE mappings are global, launches zonal). */
export function launchUsesMapping(
  launch: Pick<LaunchEntry, 'accountId' | 'location' | 'imageId' | 'cloud'>,
  mapping: Pick<RegistryMapping, 'accountId' | 'location' | 'cloudImageId'>,
): boolean {
  return (
    launch.accountId === mapping.accountId &&
    launch.imageId === mapping.cloudImageId &&
    imageLocationOf(launch.cloud, launch.location) === mapping.location
  );
}

export interface CaptureSource {
  launch: LaunchEntry;
  server: LaunchServer & { serverId: string };
}

/**
 * The server a record's private copy can be captured from: a running server launched from one of
 * the record's images, preferring the given mapping's image, then the newest launch. History
 * arrives newest first.
 */
export function privateCopySource(
  record: Pick<RegistryRecord, 'id' | 'mappings'>,
  launches: readonly LaunchEntry[],
  prefer?: Pick<RegistryMapping, 'accountId' | 'location' | 'cloudImageId'>,
): CaptureSource | null {
  const sourceOf = (launch: LaunchEntry): CaptureSource | null => {
    const server = launch.servers.find(isCapturable);
    return server ? { launch, server } : null;
  };
  const fromRecord = launches.filter((launch) =>
    record.mappings.some((mapping) => launchUsesMapping(launch, mapping)),
  );
  const preferred = prefer ? fromRecord.filter((launch) => launchUsesMapping(launch, prefer)) : [];
  for (const launch of [...preferred, ...fromRecord]) {
    const source = sourceOf(launch);
    if (source) return source;
  }
  return null;
}

export const PRIVATE_COPY_HINT = 'Launch a server from this image first, then capture it';

/** A cloud-acceptable image name from a server's: 3–63 letters, digits, dots or dashes, dated. */
export function defaultImageName(serverName: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const base = serverName
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[.-]+$/, '');
  const suffix = `-capture-${day}`;
  const head = (base || 'server').slice(0, 63 - suffix.length).replace(/[.-]+$/, '');
  return `${head || 'server'}${suffix}`;
}
