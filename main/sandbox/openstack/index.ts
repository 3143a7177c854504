export {
  startOpenStackSandbox,
  type OpenStackSandbox,
  type OpenStackSandboxOptions,
} from './openstack-sandbox-server';
export { OPENSTACK_SANDBOX_DEMO, SANDBOX_PROJECTS, SandboxIdentity } from './sandbox-identity';
export type {
  OpenStackFault,
  OpenStackFaultKind,
  FaultTarget,
  OpenStackFaultInjector,
} from './openstack-faults';
export type { OpenStackRequest, OpenStackRequestLog } from './openstack-request-log';
export type { SandboxGlanceImage, MemberStatus } from './glance-query';
export { ComputeStandIn, DEFAULT_TIMING, type ComputeStandInOptions } from './compute-stand-in';
export {
  startComputeServer,
  type ComputeServer,
  type ComputeServerOptions,
  type LoggedComputeRequest,
} from './nova-neutron-server';
export type { NovaTiming, NovaQuota } from './nova-state';
