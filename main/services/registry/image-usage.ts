import type { ImageUser } from '@contract/index';
import type { LaunchRecord, StoredMapping } from '../../stores/registry-schema';

/** A server still holds its image unless it is gone or never came up. */
const GONE = new Set(['terminated', 'failed']);

/**
 * Who still uses any of these images, from the launch history: a launch still under way, or a
 * server not terminated. Matched by the exact cloud image (account × location × id) or by record.
 */
export function usersOfImages(
  launches: readonly LaunchRecord[],
  workspaceId: string,
  recordId: string | null,
  mappings: readonly Pick<StoredMapping, 'accountId' | 'location' | 'cloudImageId'>[],
): ImageUser[] {
  const keys = new Set(mappings.map((m) => `${m.accountId}\n${m.location}\n${m.cloudImageId}`));
  const users: ImageUser[] = [];
  for (const launch of launches) {
    if (launch.workspaceId !== workspaceId) continue;
    const matches =
      (recordId !== null && launch.recordId === recordId) ||
      keys.has(`${launch.accountId}\n${launch.location}\n${launch.imageId}`);
    if (!matches) continue;
    const base = { cloudImageId: launch.imageId, location: launch.location, since: launch.at };
    if (launch.state === 'launching' && launch.servers.length === 0)
      users.push({ ...base, kind: 'launch', id: launch.id, name: launch.spec.Name ?? launch.id });
    for (const server of launch.servers) {
      if (GONE.has(server.state)) continue;
      users.push({
        ...base,
        kind: server.serverId ? 'server' : 'launch',
        id: server.serverId ?? launch.id,
        name: server.name,
      });
    }
  }
  return users;
}
