/**
 * Glance v2's image-list semantics for one token: which images a project may see for each
 * `visibility` and `member_status`, the `os_hidden` filter, property filters, sorting with the id
 * as tie-breaker, and keyset paging after a marker, as glance/db/sqlalchemy/api.py does them.
 */

export type MemberStatus = 'accepted' | 'pending' | 'rejected';

/** One image in the stand-in: its wire fields plus the members it is shared with. */
export interface SandboxGlanceImage {
  /** Glance's fields and user properties, exactly as the API shows them (without self/file/schema). */
  wire: Record<string, unknown> & {
    id: string;
    owner: string;
    visibility: string;
    os_hidden: boolean;
    created_at: string;
  };
  members: Map<string, MemberStatus>;
}

export interface Viewer {
  projectId: string;
  isAdmin: boolean;
}

export const VISIBILITIES = ['public', 'private', 'shared', 'community', 'all'] as const;
export type VisibilityFilter = (typeof VISIBILITIES)[number] | undefined;
export const SORT_KEYS = [
  'created_at',
  'updated_at',
  'name',
  'id',
  'status',
  'size',
  'disk_format',
  'container_format',
  'visibility',
  'owner',
];

/** May the viewer see this image at all (GET by id, or a marker)? */
export function canSee(image: SandboxGlanceImage, viewer: Viewer): boolean {
  const { visibility, owner } = image.wire;
  if (viewer.isAdmin || owner === viewer.projectId) return true;
  if (visibility === 'public' || visibility === 'community') return true;
  return visibility === 'shared' && image.members.has(viewer.projectId);
}

function sharedWith(image: SandboxGlanceImage, viewer: Viewer, memberStatus: MemberStatus | 'all'): boolean {
  const status = image.members.get(viewer.projectId);
  return status !== undefined && (memberStatus === 'all' || status === memberStatus);
}

/** The visibility rules of a list request (before os_hidden and property filters). */
export function listable(
  image: SandboxGlanceImage,
  viewer: Viewer,
  visibility: VisibilityFilter,
  memberStatus: MemberStatus | 'all',
): boolean {
  const { wire } = image;
  const own = viewer.isAdmin || wire.owner === viewer.projectId;
  switch (visibility) {
    case 'public':
      return wire.visibility === 'public';
    case 'private':
      return wire.visibility === 'private' && own;
    case 'shared':
      return wire.visibility === 'shared' && (own || sharedWith(image, viewer, memberStatus));
    case 'community':
      return wire.visibility === 'community';
    case 'all':
      return (
        wire.visibility === 'public' ||
        wire.visibility === 'community' ||
        own ||
        sharedWith(image, viewer, memberStatus)
      );
    default:
      // The default list leaves out other projects' community images.
      return (
        wire.visibility === 'public' ||
        own ||
        (wire.visibility === 'shared' && sharedWith(image, viewer, memberStatus))
      );
  }
}

type Sortable = string | number | null;
const sortValue = (image: SandboxGlanceImage, key: string): Sortable => {
  const value = image.wire[key];
  return typeof value === 'string' || typeof value === 'number' ? value : null;
};

function compareValues(a: Sortable, b: Sortable): number {
  if (a === b) return 0;
  // NULLs sort first ascending, as SQL does.
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** A comparator for sort keys/dirs with the id (same direction as the last key) as tie-breaker. */
export function comparator(
  keys: string[],
  dirs: ('asc' | 'desc')[],
): (a: SandboxGlanceImage, b: SandboxGlanceImage) => number {
  const allKeys = keys.includes('id') ? keys : [...keys, 'id'];
  const allDirs = allKeys.map((_, i) => dirs[i] ?? dirs[dirs.length - 1] ?? 'desc');
  return (a, b) => {
    for (let i = 0; i < allKeys.length; i += 1) {
      const key = allKeys[i] as string;
      const order = compareValues(sortValue(a, key), sortValue(b, key));
      if (order !== 0) return allDirs[i] === 'desc' ? -order : order;
    }
    return 0;
  };
}

/** Property filters: every other query parameter must equal the image's field (tags: contains all). */
export function matchesFilters(image: SandboxGlanceImage, filters: Map<string, string[]>): boolean {
  for (const [key, values] of filters) {
    if (key === 'tag') {
      const tags = Array.isArray(image.wire.tags) ? (image.wire.tags as string[]) : [];
      if (!values.every((tag) => tags.includes(tag))) return false;
      continue;
    }
    const actual = image.wire[key];
    const text = actual === null || actual === undefined ? null : String(actual);
    if (!values.every((value) => text === value)) return false;
  }
  return true;
}

/** The page after `marker` (keyset: everything sorting strictly after it), `limit` long. */
export function pageAfter(
  sorted: SandboxGlanceImage[],
  marker: SandboxGlanceImage | null,
  compare: (a: SandboxGlanceImage, b: SandboxGlanceImage) => number,
  limit: number,
): SandboxGlanceImage[] {
  const start = marker === null ? 0 : sorted.findIndex((image) => compare(image, marker) > 0);
  return start < 0 ? [] : sorted.slice(start, start + limit);
}
