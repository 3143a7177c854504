/**
 * One image as Glance v2 sends it. Glance flattens user-defined properties (os_distro,
 * hw_disk_bus, anything an operator invents) into the same object as its own fields, so the
 * type is an open record with the documented fields typed.
 */
export interface GlanceImage {
  id: string;
  name?: string | null;
  status?: string;
  visibility?: 'public' | 'private' | 'shared' | 'community';
  protected?: boolean;
  tags?: string[];
  created_at?: string;
  updated_at?: string;
  owner?: string | null;
  disk_format?: string | null;
  container_format?: string | null;
  min_disk?: number | null;
  min_ram?: number | null;
  size?: number | null;
  virtual_size?: number | null;
  checksum?: string | null;
  os_hash_algo?: string | null;
  os_hash_value?: string | null;
  os_hidden?: boolean;
  [property: string]: unknown;
}

/** Fields Glance itself defines (image schema v2.x); everything else is a user-defined property. */
export const GLANCE_CORE_FIELDS: ReadonlySet<string> = new Set([
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
]);

/** The user-defined properties of an image, as strings, sorted by name (stable details pane). */
export function userProperties(image: GlanceImage): [string, string][] {
  return Object.entries(image)
    .filter(([key, value]) => !GLANCE_CORE_FIELDS.has(key) && value !== null && value !== undefined)
    .map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** True when a value from the wire looks like an image: an object with a string id. */
export function isGlanceImage(value: unknown): value is GlanceImage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    (value as { id: string }).id !== ''
  );
}
