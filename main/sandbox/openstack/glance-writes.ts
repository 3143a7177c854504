import { randomUUID } from 'node:crypto';
import { wireImage } from './glance-api';
import type { SandboxGlanceImage, Viewer } from './glance-query';
import { glanceTime } from './seed-image-factory';
import { json, webobError, type Reply } from './sandbox-http';

/**
 * Glance v2's writes, as the compute driver and the Nova stand-in use them: POST /v2/images
 * (queued), PATCH with a JSON patch (add/replace/remove), DELETE (refused for protected images),
 * and the deactivate/reactivate actions (uploads: glance-upload.ts). Messages are Glance's own.
 */

export interface GlanceWriteRequest {
  method: string;
  /** Below the mount, e.g. /v2/images/{id} */
  path: string;
  body: string;
  contentType: string | null;
  accept: string | null;
  viewer: Viewer;
  /** The region's images, changed in place. */
  images: SandboxGlanceImage[];
  mountUrl: string;
  now: Date;
}

const READ_ONLY = [
  'created_at',
  'updated_at',
  'status',
  'checksum',
  'size',
  'virtual_size',
  'direct_url',
  'self',
  'file',
  'schema',
  'os_hash_algo',
  'os_hash_value',
  'stores',
];
const DISK_FORMATS = ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'];
const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'];
const VISIBILITIES = ['public', 'private', 'shared', 'community'];
const PATCH_TYPES = [
  'application/openstack-images-v2.1-json-patch',
  'application/openstack-images-v2.0-json-patch',
];
export const noContent: Reply = { status: 204, headers: {}, body: '' };

class GlanceRefusal extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (status: number, title: string, message: string): never => {
  throw new GlanceRefusal(status, title, message);
};

/** A value for a field, as Glance's image schema checks it. */
function checkField(key: string, value: unknown): void {
  const bad = (): never =>
    refuse(
      400,
      'Bad Request',
      `Provided object does not match schema 'image': ${JSON.stringify(value)} is not valid for '${key}'`,
    );
  if (key === 'name' && value !== null && (typeof value !== 'string' || value.length > 255)) bad();
  if (key === 'disk_format' && value !== null && !DISK_FORMATS.includes(String(value))) bad();
  if (key === 'container_format' && value !== null && !CONTAINER_FORMATS.includes(String(value))) bad();
  if (key === 'visibility' && !VISIBILITIES.includes(String(value))) bad();
  if ((key === 'protected' || key === 'os_hidden') && typeof value !== 'boolean') bad();
  if ((key === 'min_disk' || key === 'min_ram') && (!Number.isInteger(value) || (value as number) < 0)) bad();
  if (key === 'tags' && (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string'))) bad();
  const core = [
    'name',
    'disk_format',
    'container_format',
    'visibility',
    'protected',
    'os_hidden',
    'min_disk',
    'min_ram',
    'tags',
    'owner',
    'id',
  ];
  if (!core.includes(key) && typeof value !== 'string') bad();
}

function create(request: GlanceWriteRequest): Reply {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(request.body) as Record<string, unknown>;
  } catch {
    return refuse(400, 'Bad Request', 'Malformed JSON in request body.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse(400, 'Bad Request', 'Body expected in request.');
  for (const key of Object.keys(body))
    if (READ_ONLY.includes(key)) refuse(403, 'Forbidden', `Attribute '${key}' is read-only.`);
  for (const [key, value] of Object.entries(body)) checkField(key, value);
  const { viewer } = request;
  if (body.visibility === 'public' && !viewer.isAdmin)
    refuse(403, 'Forbidden', 'You are not authorized to complete publicize_image action.');
  if (body.owner !== undefined && body.owner !== viewer.projectId && !viewer.isAdmin)
    refuse(403, 'Forbidden', `You are not permitted to create images owned by '${String(body.owner)}'.`);
  const id = typeof body.id === 'string' ? body.id : randomUUID();
  if (request.images.some((image) => image.wire.id === id))
    refuse(409, 'Conflict', `An image with identifier ${id} already exists`);
  const now = glanceTime(request.now);
  const image: SandboxGlanceImage = {
    wire: {
      name: null,
      disk_format: null,
      container_format: null,
      visibility: 'shared',
      size: null,
      virtual_size: null,
      status: 'queued',
      checksum: null,
      protected: false,
      min_ram: 0,
      min_disk: 0,
      os_hidden: false,
      os_hash_algo: null,
      os_hash_value: null,
      tags: [],
      ...body,
      owner: typeof body.owner === 'string' ? body.owner : viewer.projectId,
      id,
      created_at: now,
      updated_at: now,
    } as SandboxGlanceImage['wire'],
    members: new Map(),
  };
  request.images.push(image);
  return json(201, wireImage(image), { location: `${request.mountUrl}/v2/images/${id}` });
}

function applyPatch(image: SandboxGlanceImage, ops: unknown, viewer: Viewer): void {
  if (!Array.isArray(ops))
    refuse(400, 'Bad Request', 'Request body must be a JSON array of operation objects.');
  for (const op of ops as Record<string, unknown>[]) {
    const path = typeof op.path === 'string' ? op.path.replace(/^\//, '') : '';
    if (READ_ONLY.includes(path) || path === 'id')
      refuse(403, 'Forbidden', `Attribute '${path}' is read-only.`);
    if (path === 'owner' && !viewer.isAdmin) refuse(403, 'Forbidden', "Owner can't be updated by non admin.");
    if (path === 'visibility' && op.value === 'public' && !viewer.isAdmin)
      refuse(403, 'Forbidden', 'You are not authorized to complete publicize_image action.');
    const present = Object.prototype.hasOwnProperty.call(image.wire, path);
    if (op.op === 'add' || op.op === 'replace') {
      if (op.op === 'replace' && !present) refuse(409, 'Conflict', `Property ${path} does not exist.`);
      checkField(path, op.value);
      (image.wire as Record<string, unknown>)[path] = op.value;
    } else if (op.op === 'remove') {
      const core = [
        'name',
        'disk_format',
        'container_format',
        'visibility',
        'protected',
        'os_hidden',
        'min_disk',
        'min_ram',
        'tags',
        'owner',
      ];
      if (core.includes(path)) refuse(403, 'Forbidden', `Property ${path} may not be removed.`);
      if (!present) refuse(409, 'Conflict', `Property ${path} does not exist.`);
      delete (image.wire as Record<string, unknown>)[path];
    } else {
      refuse(
        400,
        'Bad Request',
        `Operation objects must contain exactly one member named "add", "remove", or "replace".`,
      );
    }
  }
}

/** Routes a write below /v2/images; null when the request is not one (the read handler answers it). */
export function handleGlanceWrite(request: GlanceWriteRequest): Reply | null {
  const { method, path, viewer } = request;
  const match = /^\/v2\/images(?:\/([^/]+)(?:\/actions\/(deactivate|reactivate))?)?\/?$/.exec(path);
  if (!match || method === 'GET' || method === 'HEAD') return null;
  try {
    if (!match[1]) return method === 'POST' ? create(request) : null;
    const image = request.images.find((candidate) => candidate.wire.id === match[1]);
    const visible =
      image &&
      (viewer.isAdmin ||
        image.wire.owner === viewer.projectId ||
        ['public', 'community'].includes(image.wire.visibility) ||
        image.members.has(viewer.projectId));
    if (!image || !visible) return refuse(404, 'Not Found', `No image found with ID ${match[1]}`);
    const own = viewer.isAdmin || image.wire.owner === viewer.projectId;
    const action = match[2];
    if (action && method === 'POST') {
      if (!own) refuse(403, 'Forbidden', `You are not authorized to complete ${action} action.`);
      const [from, to] = action === 'deactivate' ? ['active', 'deactivated'] : ['deactivated', 'active'];
      if (image.wire.status === from) image.wire.status = to;
      else if (image.wire.status !== to)
        refuse(403, 'Forbidden', `Not allowed to ${action} image in status '${String(image.wire.status)}'`);
      return noContent;
    }
    if (method === 'PATCH') {
      if (!PATCH_TYPES.includes((request.contentType ?? '').split(';')[0]?.trim() ?? ''))
        refuse(415, 'Unsupported Media Type', `Unsupported Content-Type`);
      if (!own) refuse(403, 'Forbidden', 'You are not authorized to complete modify_image action.');
      let ops: unknown;
      try {
        ops = JSON.parse(request.body);
      } catch {
        refuse(400, 'Bad Request', 'Malformed JSON in request body.');
      }
      // All or nothing: a refused operation leaves the image as it was.
      const copy: SandboxGlanceImage = { wire: { ...image.wire }, members: image.members };
      applyPatch(copy, ops, viewer);
      Object.keys(image.wire).forEach((key) => delete (image.wire as Record<string, unknown>)[key]);
      Object.assign(image.wire, copy.wire, { updated_at: glanceTime(request.now) });
      return json(200, wireImage(image));
    }
    if (method === 'DELETE') {
      if (!own) refuse(403, 'Forbidden', 'You are not authorized to complete delete_image action.');
      if (image.wire.protected === true)
        refuse(403, 'Forbidden', `Image ${image.wire.id} is protected and cannot be deleted.`);
      request.images.splice(request.images.indexOf(image), 1);
      return noContent;
    }
    return refuse(405, 'Method Not Allowed', 'The method is not allowed for this resource.');
  } catch (error) {
    if (error instanceof GlanceRefusal)
      return webobError(error.status, error.title, error.message, request.accept);
    throw error;
  }
}
