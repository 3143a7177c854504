import type { ImageSummary } from '@contract/index';
import type { StoredImage } from '../catalog/stored-image';

/** A summary row plus what queries need precomputed, so a search never re-lowercases 100k rows. */
export interface IndexedRow {
  summary: ImageSummary;
  /** Lowercased name, description, id, owner and alias, joined. */
  haystack: string;
  /** Lowercased name: people expect "al2023" before "Windows". */
  sortName: string;
  createdMs: number;
  deprecatesMs: number;
}

export interface RowSource {
  id: string;
  accountId: string;
  accountName: string;
  location: string;
}

export function toIndexedRow(source: RowSource, image: StoredImage, nowMs: number): IndexedRow {
  const createdMs = image.createdAt ? Date.parse(image.createdAt) : Number.NaN;
  const deprecatesMs = image.deprecatesAt ? Date.parse(image.deprecatesAt) : Number.NaN;
  const summary: ImageSummary = {
    key: `${source.id}/${image.cloudId}`,
    sourceId: source.id,
    accountId: source.accountId,
    accountName: source.accountName,
    cloud: 'aws',
    location: source.location,
    cloudId: image.cloudId,
    name: image.name,
    description: image.description,
    ownerId: image.ownerId,
    ownerAlias: image.ownerAlias,
    osFamily: image.osFamily,
    osVersion: image.osVersion,
    architecture: image.architecture,
    createdAt: image.createdAt,
    deprecatesAt: image.deprecatesAt,
    deprecated: Number.isFinite(deprecatesMs) && deprecatesMs <= nowMs,
    state: image.state,
    public: image.public,
  };
  const haystack = [image.name, image.description, image.cloudId, image.ownerId, image.ownerAlias ?? '']
    .join('\n')
    .toLowerCase();
  return { summary, haystack, sortName: image.name.toLowerCase(), createdMs, deprecatesMs };
}
