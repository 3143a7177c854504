export {
  startVmwareSandbox,
  VSPHERE_SANDBOX_DEMO_CREDENTIAL,
  type VmwareSandbox,
  type VmwareSandboxOptions,
} from './vsphere-sandbox-server';
export { VsphereFaults, type VsphereFault, type VsphereFaultKind, type FaultTarget } from './vsphere-faults';
export { buildVsphereSeed, type VsphereSeed } from './vsphere-seed';
export type { VsphereUser } from './vsphere-router';
export type { ArmedTaskFault, ComputeTimings } from './vim-compute';
