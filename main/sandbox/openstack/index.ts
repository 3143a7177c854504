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
