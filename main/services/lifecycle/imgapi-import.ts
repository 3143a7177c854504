import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { RegisterRequestSchema, normaliseOsFamily } from '@contract/index';
import type { z } from 'zod';
import type { ImgapiImportRequestSchema } from '@contract/index';
import type { AppStateStore } from '../../stores/app-state';
import type { ComputeDriver } from '../../providers/compute-driver';
import type { DriverProvider } from '../driver-provider';
import type { OperationContext, OperationTracker } from '../launch/operation-tracker';
import type { RegistryService } from '../registry/registry-service';
import { ServiceError } from '../../ipc/app-error';
import { placeOf } from '../launch/launch-options';
import {
  defaultFileUrl,
  downloadImageFile,
  fetchManifest,
  listImgapiImages,
  type ImgapiManifest,
} from './imgapi-client';

type ImportRequest = z.infer<typeof ImgapiImportRequestSchema>;

interface ImportJob {
  request: ImportRequest;
  manifest: ImgapiManifest;
  accountId: string;
  compute: ComputeDriver;
  /** Where the download (and its resumable part) lives: the data folder's imports/<uuid>. */
  work: string;
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** os_distro from an IMGAPI name such as "debian-12" or "ubuntu-certified-24.04", when it says. */
function osDistroOf(name: string): Record<string, string> {
  const family = normaliseOsFamily(name.split(/[-_ ]/)[0] ?? '');
  return family ? { os_distro: family } : {};
}

/**
 * Imports an image from a remote IMGAPI repository into an OpenStack cloud's Glance: manifest,
 * download (resumable, sha1 and size verified), decompress, create + upload, register. A download
 * cut off mid-way is kept under the data folder so the next try resumes it; a cancelled one and a
 * half-made Glance image never stay.
 */
export class ImgapiImportService {
  constructor(
    private readonly state: AppStateStore,
    private readonly drivers: DriverProvider,
    private readonly operations: OperationTracker,
    private readonly registry: RegistryService,
    private readonly dataDir: string,
  ) {}

  list(url: string) {
    return listImgapiImages(url);
  }

  async start(request: ImportRequest): Promise<{ operationId: string }> {
    const { account, compute } = await placeOf(this.state, this.drivers, request);
    if (account.cloud !== 'openstack' || !compute.importImage)
      throw new ServiceError(
        'invalid-request',
        'Images from an IMGAPI repository are imported into an OpenStack cloud; choose an OpenStack account.',
      );
    const manifest = await fetchManifest(request.manifestUrl);
    if (manifest.type !== 'zvol')
      throw new ServiceError(
        'invalid-request',
        `"${manifest.name}" is a ${manifest.type} image; only zvol (whole-disk) images can boot on OpenStack.`,
      );
    if (manifest.files[0]!.compression === 'bzip2')
      throw new ServiceError(
        'invalid-request',
        `"${manifest.name}" is bzip2-compressed, which Hangar cannot unpack yet; pick a gzip or uncompressed image.`,
      );
    const job: ImportJob = {
      request,
      manifest,
      accountId: account.id,
      compute,
      work: join(this.dataDir, 'imports', manifest.uuid),
    };
    const operationId = this.operations.start(
      {
        workspaceId: request.workspaceId,
        kind: 'import',
        title: `Import ${manifest.name} ${manifest.version}`,
        cancellable: true,
      },
      (context) => this.run(job, context),
    );
    return { operationId };
  }

  private async run(job: ImportJob, context: OperationContext) {
    try {
      return await this.importInto(job, context);
    } catch (error) {
      // A part kept for resuming stays; a folder with nothing in it does not.
      if ((await readdir(job.work).catch(() => [])).length === 0)
        await rm(job.work, { recursive: true, force: true });
      throw error;
    }
  }

  private async importInto(job: ImportJob, context: OperationContext) {
    const { request, manifest, work } = job;
    await mkdir(work, { recursive: true });
    const downloaded = join(work, 'file');
    context.step(`Downloading ${manifest.name} ${manifest.version}…`, 0.02);
    await downloadImageFile(
      manifest,
      defaultFileUrl(request.manifestUrl),
      downloaded,
      (received, total) =>
        context.step(
          `Downloading: ${mib(received)} of ${mib(total)} MiB`,
          0.02 + 0.5 * (received / Math.max(1, total)),
        ),
      context.signal,
    );
    let upload = downloaded;
    if (manifest.files[0]!.compression === 'gzip') {
      context.step('Unpacking…', 0.55);
      upload = join(work, 'disk.raw');
      await pipeline(createReadStream(downloaded), createGunzip(), createWriteStream(upload), {
        signal: context.signal,
      });
    }
    const size = (await stat(upload)).size;
    context.step('Uploading to Glance…', 0.6);
    const { imageId } = await job.compute.importImage!(
      request.location,
      {
        name: `${manifest.name}-${manifest.version}`,
        diskFormat: 'raw',
        containerFormat: 'bare',
        visibility: 'private',
        properties: {
          imgapi_uuid: manifest.uuid,
          imgapi_source: request.manifestUrl,
          ...osDistroOf(manifest.name),
        },
      },
      { path: upload, size },
      (bytes) =>
        context.step(
          `Uploading to Glance: ${mib(bytes)} of ${mib(size)} MiB`,
          0.6 + 0.35 * (bytes / Math.max(1, size)),
        ),
      context.signal,
    );
    // The bytes are in Glance now: the local copy has done its job.
    await rm(work, { recursive: true, force: true });
    let recordId: string | null = null;
    if (request.register) {
      context.step('Registering…', 0.97);
      const record = await this.registry.register(
        RegisterRequestSchema.parse({
          workspaceId: request.workspaceId,
          target: { accountId: job.accountId, location: request.location, cloudImageId: imageId },
          ...request.register,
        }),
      );
      recordId = record.id;
    }
    return { imageIds: [imageId], recordId };
  }
}
