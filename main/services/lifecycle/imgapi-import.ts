import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { RegisterRequestSchema, normaliseOsFamily } from '@contract/index';
import type { z } from 'zod';
import type { ImgapiImportRequestSchema } from '@contract/index';
import type { AppStateStore } from '../../stores/app-state';
import type { DriverProvider } from '../driver-provider';
import type { OperationTracker } from '../launch/operation-tracker';
import type { RegistryService } from '../registry/registry-service';
import { ServiceError } from '../../ipc/app-error';
import { placeOf } from '../launch/launch-options';
import { defaultFileUrl, downloadImageFile, fetchManifest, listImgapiImages } from './imgapi-client';

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

  async start(request: z.infer<typeof ImgapiImportRequestSchema>): Promise<{ operationId: string }> {
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
    const file = manifest.files[0]!;
    if (file.compression === 'bzip2')
      throw new ServiceError(
        'invalid-request',
        `"${manifest.name}" is bzip2-compressed, which Hangar cannot unpack yet; pick a gzip or uncompressed image.`,
      );
    const work = join(this.dataDir, 'imports', manifest.uuid);
    const operationId = this.operations.start(
      {
        workspaceId: request.workspaceId,
        kind: 'import',
        title: `Import ${manifest.name} ${manifest.version}`,
        cancellable: true,
      },
      async (context) => {
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
        if (file.compression === 'gzip') {
          context.step('Unpacking…', 0.55);
          upload = join(work, 'disk.raw');
          await pipeline(createReadStream(downloaded), createGunzip(), createWriteStream(upload), {
            signal: context.signal,
          });
        }
        const size = (await stat(upload)).size;
        context.step('Uploading to Glance…', 0.6);
        const { imageId } = await compute.importImage!(
          request.location,
          {
            name: `${manifest.name}-${manifest.version}`,
            diskFormat: 'raw',
            containerFormat: 'bare',
            visibility: 'private',
            properties: {
              imgapi_uuid: manifest.uuid,
              imgapi_source: request.manifestUrl,
              ...(normaliseOsFamily(manifest.name.split(/[-_ ]/)[0] ?? '')
                ? { os_distro: normaliseOsFamily(manifest.name.split(/[-_ ]/)[0]!)! }
                : {}),
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
              target: { accountId: account.id, location: request.location, cloudImageId: imageId },
              ...request.register,
            }),
          );
          recordId = record.id;
        }
        return { imageIds: [imageId], recordId };
      },
    );
    return { operationId };
  }
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
