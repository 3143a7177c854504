export {
  startEc2Sandbox,
  type ComputeFaultKind,
  type Ec2Sandbox,
  type Ec2SandboxOptions,
} from './ec2-sandbox-server';
export { DEFAULT_COMPUTE_TIMING, type ComputeTiming, type ComputeWorld } from './compute-world';
export {
  SANDBOX_DEMO_CREDENTIAL,
  type SandboxCredential,
  type ResolvedCredential,
} from './sandbox-credentials';
export { DEFAULT_SANDBOX_REGIONS, SandboxCatalog } from './sandbox-catalog';
export type { ErrorFault, LatencyFault, FaultInjector } from './fault-injector';
export type { SandboxRequest, RequestLog } from './request-log';
export type { SandboxImage } from './sandbox-image';
