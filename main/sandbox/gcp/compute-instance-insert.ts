import {
  referencePath,
  regionOfZone,
  urls,
  type GcpAttachedDisk,
  type GcpDiskResource,
  type GcpInstanceResource,
  type GcpOperationError,
  type GcpOperationResource,
} from './compute-resources';
import { findImage, isError, place, type Json, type Placement } from './compute-instance-refs';
import { zoneExists } from './compute-seed';
import type { GcpComputeState } from './compute-state';
import {
  checkKmsKey,
  checkLabels,
  checkMetadata,
  checkName,
  checkTags,
  DISK_TYPES,
  fingerprint,
  int64,
} from './compute-validate';
import { gcpErrors } from './gcp-api-error';
import type { GcpImageResource } from './gcp-image-resource';
import { EMPTY_LABEL_FINGERPRINT, pacificTimestamp } from './gcp-seed-builder';

/**
 * `instances.insert`: checks the request as Compute does — malformed fields are refused at once
 * (400), missing references and exhausted quota fail the operation — then creates the instance
 * and its disks, PROVISIONING, and answers with the zonal operation.
 */
export function insertInstance(
  state: GcpComputeState,
  zone: string,
  body: Json,
  requestId: string | null,
): GcpOperationResource {
  const project = state.project;
  if (!zoneExists(zone)) throw gcpErrors.notFound(`projects/${project}/zones/${zone}`);
  const name = checkName('resource.name', body.name);
  if (state.instances.has(`${zone}/${name}`))
    throw gcpErrors.alreadyExists(`projects/${project}/zones/${zone}/instances/${name}`);
  const typeRef = typeof body.machineType === 'string' ? referencePath(body.machineType, project) : '';
  const typeName = /^projects\/[^/]+\/zones\/([^/]+)\/machineTypes\/([^/]+)$/.exec(typeRef);
  const machineType =
    typeName?.[1] === zone ? state.machineTypes(zone).find((m) => m.name === typeName[2]) : undefined;
  if (!machineType) {
    throw gcpErrors.invalidField(
      'resource.machineType',
      String(body.machineType ?? ''),
      `Machine type with name '${typeName?.[2] ?? String(body.machineType ?? '')}' does not exist in zone '${zone}'.`,
    );
  }
  const labels = checkLabels('resource.labels', body.labels);
  const tags = checkTags('resource.tags', body.tags);
  const metadata = checkMetadata('resource.metadata', body.metadata);
  const disksIn = Array.isArray(body.disks) ? (body.disks as Json[]) : [];
  if (disksIn.filter((d) => d.boot === true).length !== 1 || disksIn[0]?.boot !== true) {
    throw gcpErrors.invalidField('resource.disks', '', 'Exactly one boot disk must be given, first.');
  }
  const errors: GcpOperationError[] = [];
  let image: GcpImageResource | undefined;
  const planned: { disk: Json; name: string; sizeGb: number; type: string; kms: string | undefined }[] = [];
  disksIn.forEach((disk, i) => {
    const field = `resource.disks[${i}]`;
    const params = (disk.initializeParams ?? {}) as Json;
    if (typeof disk.source === 'string' || (!params.sourceImage && disk.boot)) {
      throw gcpErrors.invalidField(
        `${field}.initializeParams`,
        '',
        'Only new disks are supported: give initializeParams.',
      );
    }
    let minSize = 0;
    if (disk.boot) {
      const found = findImage(state, referencePath(String(params.sourceImage), project));
      if (isError(found)) errors.push(found);
      else {
        image = found;
        minSize = Number(found.diskSizeGb);
      }
    }
    const size = int64(
      `${field}.initializeParams.diskSizeGb`,
      params.diskSizeGb,
      disk.boot ? minSize || 10 : 0,
    );
    if (size < Math.max(minSize, 1)) {
      throw gcpErrors.invalidField(
        `${field}.initializeParams.diskSizeGb`,
        String(size),
        `Requested disk size cannot be smaller than the image size (${minSize} GB).`,
      );
    }
    const typeRefDisk =
      typeof params.diskType === 'string'
        ? referencePath(params.diskType, project)
        : `projects/${project}/zones/${zone}/diskTypes/pd-balanced`;
    const type = /\/zones\/([^/]+)\/diskTypes\/([^/]+)$/.exec(typeRefDisk);
    if (!type || type[1] !== zone || !(DISK_TYPES as readonly string[]).includes(type[2] ?? '')) {
      throw gcpErrors.invalidField(
        `${field}.initializeParams.diskType`,
        String(params.diskType),
        `Disk type '${type?.[2] ?? String(params.diskType)}' does not exist in zone '${zone}'.`,
      );
    }
    const diskName = checkName(
      `${field}.initializeParams.diskName`,
      params.diskName ?? (i === 0 ? name : `${name}-${i}`),
    );
    if (state.disks.has(`${zone}/${diskName}`))
      throw gcpErrors.alreadyExists(`projects/${project}/zones/${zone}/disks/${diskName}`);
    const kms = checkKmsKey(
      `${field}.diskEncryptionKey.kmsKeyName`,
      (disk.diskEncryptionKey as Json | undefined)?.kmsKeyName,
    );
    planned.push({ disk, name: diskName, sizeGb: size, type: type[2] ?? 'pd-balanced', kms });
  });
  if (image && machineType && (image.architecture === 'ARM64') !== (machineType.architecture === 'ARM64')) {
    throw gcpErrors.badRequest(
      `Invalid resource usage: 'Requested boot disk architecture (${image.architecture}) is not compatible with machine type architecture (${machineType.architecture ?? 'X86_64'}).'`,
      'invalidResourceUsage',
    );
  }
  const nicsIn =
    Array.isArray(body.networkInterfaces) && body.networkInterfaces.length > 0
      ? (body.networkInterfaces as Json[])
      : [{}];
  const placements = nicsIn.map((nic, i) => place(state, zone, nic, i));
  for (const p of placements) if (isError(p)) errors.push(p);

  const region = regionOfZone(zone);
  const armed = errors.length === 0 ? state.takeQuotaFault() : undefined;
  const cpuLimit = state.cpuQuota;
  if (errors.length === 0 && (armed || state.cpusInUse(region) + machineType.guestCpus > cpuLimit)) {
    const metric = armed ?? 'CPUS';
    const limit = metric === 'CPUS' ? cpuLimit : metric === 'INSTANCES' ? 6000 : 500;
    errors.push({
      code: 'QUOTA_EXCEEDED',
      message: `Quota '${metric}' exceeded.  Limit: ${limit.toFixed(1)} in region ${region}.`,
      errorDetails: [
        {
          quotaInfo: {
            metricName: `compute.googleapis.com/${metric.toLowerCase()}`,
            limitName: `${metric}-per-project-region`,
            dimensions: { region },
            limit,
          },
        },
      ],
    });
  }
  const selfLink = urls.zonal(project, zone, 'instances', name);
  const id = state.newId();
  if (errors.length > 0) {
    const quota = errors.some((e) => e.code === 'QUOTA_EXCEEDED');
    return state.operations.start(
      { project, zone },
      {
        operationType: 'insert',
        targetLink: selfLink,
        targetId: id,
        durationMs: state.timing.operationMs,
        error: { errors, httpStatus: quota ? 403 : 404, httpMessage: quota ? 'FORBIDDEN' : 'NOT FOUND' },
      },
      requestId,
    );
  }

  const created = pacificTimestamp(new Date(state.now()));
  const attached: GcpAttachedDisk[] = planned.map((p, index) => {
    const diskLink = urls.zonal(project, zone, 'disks', p.name);
    const disk: GcpDiskResource = {
      kind: 'compute#disk',
      id: state.newId(),
      creationTimestamp: created,
      name: p.name,
      sizeGb: String(p.sizeGb),
      zone: urls.zone(project, zone),
      status: 'CREATING',
      selfLink: diskLink,
      type: urls.zonal(project, zone, 'diskTypes', p.type),
      users: [selfLink],
      labelFingerprint: EMPTY_LABEL_FINGERPRINT,
      physicalBlockSizeBytes: '4096',
      lastAttachTimestamp: created,
      ...(p.kms ? { diskEncryptionKey: { kmsKeyName: p.kms } } : {}),
    };
    if (index === 0 && image) {
      disk.sourceImage = image.selfLink;
      disk.sourceImageId = image.id;
      disk.architecture = image.architecture;
    }
    state.disks.set(`${zone}/${p.name}`, disk);
    return {
      kind: 'compute#attachedDisk',
      type: 'PERSISTENT',
      mode: 'READ_WRITE',
      source: diskLink,
      deviceName:
        typeof p.disk.deviceName === 'string'
          ? p.disk.deviceName
          : index === 0
            ? 'persistent-disk-0'
            : p.name,
      index,
      boot: index === 0,
      autoDelete: p.disk.autoDelete !== false,
      interface: 'SCSI',
      diskSizeGb: String(p.sizeGb),
      ...(disk.architecture ? { architecture: disk.architecture } : {}),
      ...(p.kms ? { diskEncryptionKey: { kmsKeyName: p.kms } } : {}),
    };
  });
  const instance: GcpInstanceResource = {
    kind: 'compute#instance',
    id,
    creationTimestamp: created,
    name,
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    tags: { ...(tags.length > 0 ? { items: tags } : {}), fingerprint: fingerprint(tags) },
    machineType: machineType.selfLink,
    status: 'PROVISIONING',
    zone: urls.zone(project, zone),
    canIpForward: false,
    networkInterfaces: (placements as Placement[]).map((p, i) => ({
      kind: 'compute#networkInterface',
      network: p.subnet.network,
      subnetwork: p.subnet.selfLink,
      networkIP: state.internalIp(p.subnet),
      name: `nic${i}`,
      ...(p.natIP
        ? {
            accessConfigs: [
              {
                kind: 'compute#accessConfig',
                type: 'ONE_TO_ONE_NAT',
                name: 'External NAT',
                natIP: p.natIP,
                networkTier: 'PREMIUM',
              },
            ],
          }
        : {}),
      fingerprint: fingerprint([p.subnet.selfLink, i]),
      stackType: 'IPV4_ONLY',
    })),
    disks: attached,
    metadata: {
      kind: 'compute#metadata',
      fingerprint: fingerprint(metadata),
      ...(metadata.length > 0 ? { items: metadata } : {}),
    },
    selfLink,
    scheduling: {
      onHostMaintenance: 'MIGRATE',
      automaticRestart: true,
      preemptible: false,
      provisioningModel: 'STANDARD',
    },
    cpuPlatform: 'Unknown CPU Platform',
    ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    labelFingerprint: labels ? fingerprint(labels) : EMPTY_LABEL_FINGERPRINT,
    startRestricted: false,
    deletionProtection: false,
    fingerprint: fingerprint([name, created]),
  };
  state.instances.set(`${zone}/${name}`, { resource: instance, createdAt: state.now(), deleting: false });
  return state.operations.start(
    { project, zone },
    { operationType: 'insert', targetLink: selfLink, targetId: id, durationMs: state.timing.operationMs },
    requestId,
  );
}
