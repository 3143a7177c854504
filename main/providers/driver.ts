import type { AppError, ConnectionCheck } from '@contract/index';
import type { StoredImage } from '../catalog/stored-image';

/** What one sync of one source asks of a driver. */
export interface ImageListScope {
  location: string;
  /** Whose images: "self", an alias such as "amazon", or an account id. Never unscoped. */
  owner: string;
}

export interface ListImagesProgress {
  pages: number;
  images: number;
}

export interface DriverCapabilities {
  listImages: boolean;
  testConnection: boolean;
}

/**
 * One cloud account's driver. Methods a cloud lacks are absent, with the capability false.
 * Errors thrown are `CloudError`s carrying an AppError the UI can show as is.
 */
export interface CloudDriver {
  readonly capabilities: DriverCapabilities;
  testConnection(location: string, signal?: AbortSignal): Promise<ConnectionCheck>;
  listImages(
    scope: ImageListScope,
    onProgress: (progress: ListImagesProgress) => void,
    signal?: AbortSignal,
  ): Promise<StoredImage[]>;
}

export class CloudError extends Error {
  constructor(
    readonly appError: AppError,
    options?: { cause?: unknown },
  ) {
    super(appError.message, options);
    this.name = 'CloudError';
  }
}
