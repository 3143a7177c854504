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
  /** Look one image up by its cloud id (the registry's wizard and drift check). */
  getImage: boolean;
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
  /**
   * One image by the cloud's own id, asked of the cloud now (never the cache), including images
   * the owner has deprecated. Resolves to null when the cloud says the image does not exist (or
   * no longer does); a deregistered/deleted image the cloud still reports comes back with that state.
   * Throws CloudError for every other failure (auth, unreachable, throttled …).
   */
  getImage?(location: string, cloudImageId: string, signal?: AbortSignal): Promise<StoredImage | null>;
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
