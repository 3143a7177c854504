import { createPrng } from '../prng';
import { referencePath, regionOfZone, type GcpOperationResource } from './compute-resources';
import type { GcpComputeState } from './compute-state';
import { checkLabels, checkName, fingerprint } from './compute-validate';
import { gcpErrors } from './gcp-api-error';
import { imageSelfLink, type GcpDeprecationStatus, type GcpImageResource } from './gcp-image-resource';
import { EMPTY_LABEL_FINGERPRINT, pacificTimestamp } from './gcp-seed-builder';

type Json = Record<string, unknown>;

/** Multi-regional storage for an image made from a disk in this region. */
const storageFor = (region: string): string =>
  region.startsWith('europe') ? 'eu' : region.startsWith('asia') ? 'asia' : 'us';

/** The image the project may change; public images belong to their publishers. */
function ownImage(
  state: GcpComputeState,
  project: string,
  name: string,
  permission: string,
): GcpImageResource {
  if (project !== state.project)
    throw gcpErrors.forbidden(permission, `projects/${project}/global/images/${name}`);
  const image = state.catalog.image(project, name);
  if (!image) throw gcpErrors.notFound(`projects/${project}/global/images/${name}`);
  return image;
}

/**
 * `images.insert` from a disk: the image is listed at once as PENDING and turns READY when the
 * global operation is DONE. A disk in use by a running instance is refused unless `forceCreate`.
 */
export function insertImage(
  state: GcpComputeState,
  body: Json,
  forceCreate: boolean,
  requestId: string | null,
): GcpOperationResource {
  const project = state.project;
  const name = checkName('resource.name', body.name);
  if (state.catalog.image(project, name))
    throw gcpErrors.alreadyExists(`projects/${project}/global/images/${name}`);
  if (typeof body.sourceDisk !== 'string') {
    throw gcpErrors.badRequest(
      "Invalid value for field 'resource': ''. Exactly one of sourceDisk, sourceImage, sourceSnapshot or rawDisk must be given.",
    );
  }
  const diskPath = referencePath(body.sourceDisk, project);
  const m = /^projects\/([^/]+)\/zones\/([^/]+)\/disks\/([^/]+)$/.exec(diskPath);
  const disk = m && m[1] === project ? state.disks.get(`${m[2] ?? ''}/${m[3] ?? ''}`) : undefined;
  if (!m || !disk) throw gcpErrors.notFound(diskPath);
  const user = (disk.users ?? [])
    .map((link) => state.instances.get(`${m[2] ?? ''}/${link.split('/').pop() ?? ''}`))
    .find((r) => r && r.resource.status === 'RUNNING');
  if (user && !forceCreate)
    throw gcpErrors.resourceInUse(diskPath, user.resource.selfLink.replace(/^.*\/compute\/v1\//, ''));
  const labels = checkLabels('resource.labels', body.labels);
  const source = disk.sourceImage
    ? /\/projects\/([^/]+)\/global\/images\/([^/]+)$/.exec(disk.sourceImage)
    : null;
  const base = source ? state.catalog.image(source[1] ?? '', source[2] ?? '') : undefined;
  const image: GcpImageResource = {
    kind: 'compute#image',
    id: state.newId(),
    creationTimestamp: pacificTimestamp(new Date(state.now())),
    name,
    ...(typeof body.description === 'string' && body.description ? { description: body.description } : {}),
    sourceType: 'RAW',
    status: 'PENDING',
    archiveSizeBytes: '0',
    diskSizeGb: disk.sizeGb,
    sourceDisk: disk.selfLink,
    sourceDiskId: disk.id,
    ...(base?.licenses ? { licenses: base.licenses, licenseCodes: base.licenseCodes } : {}),
    ...(typeof body.family === 'string' ? { family: checkName('resource.family', body.family) } : {}),
    selfLink: imageSelfLink(project, name),
    ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    labelFingerprint: labels ? fingerprint(labels) : EMPTY_LABEL_FINGERPRINT,
    ...(base?.guestOsFeatures ? { guestOsFeatures: base.guestOsFeatures } : {}),
    storageLocations: [storageFor(regionOfZone(m[2] ?? ''))],
    architecture: disk.architecture === 'ARM64' ? 'ARM64' : 'X86_64',
  };
  state.catalog.add(project, image);
  const prng = createPrng(`gce-archive:${image.id}`);
  return state.operations.start(
    { project, zone: null },
    {
      operationType: 'insert',
      targetLink: image.selfLink,
      targetId: image.id,
      durationMs: state.timing.captureMs,
      onDone: () => {
        image.status = 'READY';
        image.archiveSizeBytes = String(Number(disk.sizeGb) * prng.int(60, 180) * 1_000_000);
      },
    },
    requestId,
  );
}

const STATES = new Set(['ACTIVE', 'DEPRECATED', 'OBSOLETE', 'DELETED']);
const DATE_FIELDS = ['deprecated', 'obsolete', 'deleted'] as const;

/** `images.deprecate`: the record takes effect when the operation is DONE; ACTIVE with no dates clears it. */
export function deprecateImage(
  state: GcpComputeState,
  project: string,
  name: string,
  body: Json,
  requestId: string | null,
): GcpOperationResource {
  const image = ownImage(state, project, name, 'compute.images.deprecate');
  const wanted = String(body.state ?? '');
  if (!STATES.has(wanted))
    throw gcpErrors.invalidField(
      'deprecationStatus.state',
      wanted,
      'Must be one of ACTIVE, DEPRECATED, OBSOLETE or DELETED.',
    );
  const record: GcpDeprecationStatus = { state: wanted as GcpDeprecationStatus['state'] };
  for (const field of DATE_FIELDS) {
    const value = body[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      throw gcpErrors.invalidField(
        `deprecationStatus.${field}`,
        String(value),
        'Must be an RFC 3339 timestamp.',
      );
    }
    record[field] = value;
  }
  if (typeof body.replacement === 'string' && body.replacement) record.replacement = body.replacement;
  return state.operations.start(
    { project, zone: null },
    {
      operationType: 'deprecate',
      targetLink: image.selfLink,
      targetId: image.id,
      durationMs: state.timing.operationMs,
      onDone: () => {
        const clears = record.state === 'ACTIVE' && Object.keys(record).length === 1;
        if (clears) delete image.deprecated;
        else image.deprecated = record;
      },
    },
    requestId,
  );
}

/** `images.delete`: DELETING at once, gone from list and get when the operation is DONE. */
export function deleteImage(
  state: GcpComputeState,
  project: string,
  name: string,
  requestId: string | null,
): GcpOperationResource {
  const image = ownImage(state, project, name, 'compute.images.delete');
  image.status = 'DELETING';
  return state.operations.start(
    { project, zone: null },
    {
      operationType: 'delete',
      targetLink: image.selfLink,
      targetId: image.id,
      durationMs: state.timing.operationMs,
      onDone: () => state.catalog.remove(project, name),
    },
    requestId,
  );
}
