/** Glance's own fields: a snapshot does not inherit these from the image its server booted. */
export const GLANCE_CORE_KEYS: readonly string[] = [
  'id',
  'name',
  'status',
  'visibility',
  'protected',
  'tags',
  'created_at',
  'updated_at',
  'owner',
  'disk_format',
  'container_format',
  'min_disk',
  'min_ram',
  'size',
  'virtual_size',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'os_hidden',
  'file',
  'self',
  'schema',
  'locations',
  'direct_url',
  'stores',
];

/** The bytes of a snapshot: 256 KiB that differ per server, so two snapshots never share a checksum. */
export function snapshotBytes(serverId: string): Buffer {
  const line = Buffer.from(`hangar stand-in snapshot of server ${serverId}\n`);
  const data = Buffer.alloc(256 * 1024);
  for (let offset = 0; offset < data.length; offset += line.length) line.copy(data, offset);
  return data;
}
