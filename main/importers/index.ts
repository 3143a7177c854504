/** Read-only importers: they parse credentials people already have and propose accounts, nothing more. */
export type { ImportCandidate, ImportResult, TextFile, EnvironmentMap } from './import-candidate';
export { importAwsProfiles, type AwsSharedFiles } from './aws-profiles';
export { importAwsEnvironment } from './aws-env';
export { importGoogleKeyFile } from './google-key-file';
export { importAzureEnvironment } from './azure-env';
export { importOpenStackClouds, type OpenStackConfigFiles } from './openstack-clouds';
export { importOpenStackEnvironment } from './openstack-env';
export { importVmwareEnvironment, parseGovcUrl, type GovcUrl } from './vmware-env';
export {
  NodeTextFileReader,
  MemoryTextFileReader,
  ImportReadError,
  type TextFileReader,
} from './text-file-reader';
export {
  systemImportContext,
  readAwsProfiles,
  readAwsEnvironment,
  readGoogleCredentials,
  readGoogleKeyFile,
  readAzureEnvironment,
  readOpenStackClouds,
  readOpenStackEnvironment,
  readVmwareEnvironment,
  readAllImports,
  type ImportSystem,
} from './standard-locations';
