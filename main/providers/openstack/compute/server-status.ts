import type { ServerState, ServerStatus } from '../../compute-driver';
import { dict, str, type Dict } from './compute-context';

/** Nova's server status (with its task state) in Hangar's words. */
const STATES: Record<string, ServerState> = {
  BUILD: 'building',
  REBUILD: 'building',
  ACTIVE: 'running',
  REBOOT: 'running',
  HARD_REBOOT: 'running',
  RESIZE: 'running',
  VERIFY_RESIZE: 'running',
  REVERT_RESIZE: 'running',
  MIGRATING: 'running',
  PASSWORD: 'running',
  RESCUE: 'running',
  SHUTOFF: 'stopped',
  STOPPED: 'stopped',
  PAUSED: 'stopped',
  SUSPENDED: 'stopped',
  SHELVED: 'stopped',
  SHELVED_OFFLOADED: 'stopped',
  ERROR: 'failed',
  UNKNOWN: 'failed',
  DELETED: 'terminated',
  SOFT_DELETED: 'terminated',
};

/**
 * BUILD while the scheduler is still choosing a host is "pending"; a server Nova is deleting or
 * powering off is "stopping" (on its way out) whatever its status still says.
 */
export function serverState(status: string, taskState: string | null): ServerState {
  if (taskState === 'deleting' || taskState === 'powering-off' || taskState === 'soft-deleting')
    return 'stopping';
  if (status === 'BUILD' && taskState === 'scheduling') return 'pending';
  return STATES[status] ?? 'building';
}

interface Address {
  addr: string;
  floating: boolean;
  v6: boolean;
}

/** Every address Nova reports, floating (public) before fixed, IPv4 before IPv6, without repeats. */
export function serverAddresses(server: Dict): string[] {
  const found: Address[] = [];
  for (const list of Object.values(dict(server.addresses) ?? {})) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const address = dict(entry);
      const addr = str(address?.addr);
      if (!address || !addr) continue;
      found.push({ addr, floating: address['OS-EXT-IPS:type'] === 'floating', v6: address.version === 6 });
    }
  }
  const access = [str(server.accessIPv4), str(server.accessIPv6)].filter((a): a is string => !!a);
  const rank = (a: Address): number => (a.floating ? 0 : 2) + (a.v6 ? 1 : 0);
  const ordered = found.sort((a, b) => rank(a) - rank(b)).map((a) => a.addr);
  return [...new Set([...access, ...ordered])];
}

/** One Nova server (GET /servers/{id} or an entry of /servers/detail) as a ServerStatus. */
export function readServer(entry: unknown): ServerStatus | null {
  const server = dict(entry);
  const id = str(server?.id);
  if (!server || !id) return null;
  const status = (str(server.status) ?? 'UNKNOWN').toUpperCase();
  const taskState = str(server['OS-EXT-STS:task_state']);
  const state = serverState(status, taskState);
  const fault = str(dict(server.fault)?.message);
  // Boot-from-volume servers answer "" for image.
  const imageId = str(dict(server.image)?.id);
  return {
    id,
    name: str(server.name) ?? id,
    state,
    addresses: serverAddresses(server),
    imageId: imageId || null,
    reason:
      state === 'failed'
        ? (fault ??
          (status === 'UNKNOWN' ? "Nova lost contact with the server's host (status UNKNOWN)." : null))
        : null,
  };
}
