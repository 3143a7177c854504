import type { VmwareConnection, VmwareSecret } from '@contract/index';
import type { ProviderModule } from '../provider-module';
import { createVmwareComputeDriver } from './compute/vmware-compute-driver';
import { createVmwareDriver, VMWARE_SCOPES } from './vmware-driver';

/**
 * The location of every VMware source: the vCenter's host (and port). Datacenters cannot be the
 * location: `sourcesFor` only sees the stored connection, which names no datacenters, and content
 * libraries belong to the vCenter, not to a datacenter. Each template carries its datacenter in
 * its fields instead.
 */
export function vcenterLocation(connection: Pick<VmwareConnection, 'url'>): string {
  return new URL(connection.url).host;
}

export const vmwareProvider: ProviderModule<VmwareConnection, VmwareSecret> = {
  cloud: 'vmware',
  label: 'VMware vSphere',
  capabilities: {
    listImages: { supported: true, reason: null },
    testConnection: { supported: true, reason: null },
    getImage: { supported: true, reason: null },
    launch: { supported: true, reason: null },
    securityGroups: {
      supported: false,
      reason: "vSphere has no security groups; use NSX or the port group's policy",
    },
    keyPairs: {
      supported: false,
      reason: 'vSphere keeps no key pairs: the public key goes into cloud-init through guestinfo',
    },
  },
  sourcesFor: (connection) =>
    VMWARE_SCOPES.map((owner) => ({ location: vcenterLocation(connection), owner })),
  identityOf: (connection) => `${connection.username} @ ${vcenterLocation(connection)}`,
  endpointOf: (connection) => new URL(connection.url).origin,
  createDriver: (connection, secret, tuning) =>
    createVmwareDriver(
      {
        url: connection.url,
        username: connection.username,
        password: secret.password,
        trustedCertFingerprint: connection.trustedCertFingerprint,
      },
      { pageSize: tuning?.pageSize },
    ),
  createComputeDriver: (connection, secret, tuning) =>
    createVmwareComputeDriver(
      {
        url: connection.url,
        username: connection.username,
        password: secret.password,
        trustedCertFingerprint: connection.trustedCertFingerprint,
      },
      { pollIntervalMs: tuning?.pollIntervalMs },
    ),
};
