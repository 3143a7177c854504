export {
  startImgapiSandbox,
  type ImgapiRequest,
  type ImgapiSandbox,
  type ImgapiSandboxOptions,
} from './imgapi-sandbox-server';
export {
  DEFAULT_IMGAPI_SEEDS,
  IMGAPI_SANDBOX_OWNER,
  seedImage,
  type ImgapiImageType,
  type ImgapiManifest,
  type SeedImage,
  type SeededImage,
} from './imgapi-seed';
