/** The bytes of a snapshot: 256 KiB that differ per server, so two snapshots never share a checksum. */
export function snapshotBytes(serverId: string): Buffer {
  const line = Buffer.from(`hangar stand-in snapshot of server ${serverId}\n`);
  const data = Buffer.alloc(256 * 1024);
  for (let offset = 0; offset < data.length; offset += line.length) line.copy(data, offset);
  return data;
}
