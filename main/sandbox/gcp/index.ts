export {
  startGcpSandbox,
  GCP_SANDBOX_IMAGE_PROJECTS,
  GCP_SANDBOX_PROJECT,
  type GcpSandbox,
  type GcpSandboxOptions,
} from './gcp-sandbox-server';
export { GcpCatalog, GCP_PUBLIC_IMAGE_PROJECTS } from './gcp-catalog';
export type { GcpFault, GcpFaultKind, GcpFaultInjector } from './gcp-fault-injector';
export type { GcpSandboxRequest, GcpRequestLog } from './gcp-request-log';
export type { GcpImageResource, GcpDeprecationStatus } from './gcp-image-resource';
export type { GcpOperation } from './gcp-images-api';
