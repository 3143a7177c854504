import type { OpenStackConnection, OpenStackSecret } from '@contract/index';
import { CloudError, type CloudDriver } from '../driver';
import type { ComputeDriver } from '../compute-driver';
import type { ProviderModule } from '../provider-module';
import type { KeystoneCredentials } from './keystone-auth';
import { keystoneV3Url } from './keystone-auth';
import { createOpenStackDriver, OPENSTACK_IMAGE_SCOPE } from './openstack-driver';
import { createOpenStackComputeDriver, OPENSTACK_COMPUTE } from './compute/openstack-compute-driver';

const DEFAULT_REGION = 'RegionOne';
const isDefaultDomain = (domain: string | undefined): boolean =>
  domain === undefined || domain.trim() === '' || domain.trim().toLowerCase() === 'default';

/** "demo in project demo", with domains only when they are not Keystone's default. */
export function openStackIdentity(connection: OpenStackConnection): string {
  if (connection.authType === 'application-credential') {
    const id = connection.applicationCredentialId ?? '';
    return `application credential ${id.length > 8 ? `${id.slice(0, 8)}…` : id}`;
  }
  const user = isDefaultDomain(connection.userDomainName)
    ? (connection.username ?? '')
    : `${connection.username ?? ''}@${connection.userDomainName}`;
  const project = isDefaultDomain(connection.projectDomainName)
    ? (connection.projectName ?? '')
    : `${connection.projectName ?? ''}@${connection.projectDomainName}`;
  return `user ${user} in project ${project}`;
}

/** The connection and secret as Keystone credentials, or why they do not fit together. */
export function keystoneCredentials(
  connection: OpenStackConnection,
  secret: OpenStackSecret,
): KeystoneCredentials | string {
  if (connection.authType === 'application-credential') {
    if (secret.kind !== 'application-credential' || !connection.applicationCredentialId) {
      return 'This account uses an application credential, but the keychain holds a password: enter the application credential secret again.';
    }
    return {
      kind: 'application-credential',
      id: connection.applicationCredentialId,
      secret: secret.applicationCredentialSecret,
    };
  }
  if (secret.kind !== 'password' || !connection.username || !connection.projectName) {
    return 'This account signs in with a password, but the keychain holds an application credential secret: enter the password again.';
  }
  return {
    kind: 'password',
    username: connection.username,
    password: secret.password,
    userDomainName: connection.userDomainName,
    projectName: connection.projectName,
    projectDomainName: connection.projectDomainName,
  };
}

/** A compute driver that explains a configuration mistake on every call. */
function misconfiguredCompute(message: string): ComputeDriver {
  const error = (): Promise<never> => Promise.reject(new CloudError({ code: 'invalid-request', message }));
  return {
    compute: OPENSTACK_COMPUTE,
    listFlavors: error,
    listNetworks: error,
    launch: error,
    getServer: error,
    terminate: error,
    serversUsingImage: error,
  };
}

/** A driver that explains a configuration mistake on every call, instead of throwing at creation. */
function misconfiguredDriver(message: string): CloudDriver {
  const error = (): CloudError => new CloudError({ code: 'invalid-request', message });
  return {
    capabilities: { listImages: true, testConnection: true, getImage: true },
    listImages: () => Promise.reject(error()),
    getImage: () => Promise.reject(error()),
    testConnection: () => Promise.resolve({ ok: false, code: 'error', message }),
  };
}

export const openstackProvider: ProviderModule<OpenStackConnection, OpenStackSecret> = {
  cloud: 'openstack',
  label: 'OpenStack',
  capabilities: {
    listImages: { supported: true, reason: null },
    testConnection: { supported: true, reason: null },
    getImage: { supported: true, reason: null },
  },
  // One region per account, one scope: everything the project's token may see there.
  sourcesFor: (connection) => [
    { location: connection.region || DEFAULT_REGION, owner: OPENSTACK_IMAGE_SCOPE },
  ],
  identityOf: (connection) => openStackIdentity(connection),
  endpointOf: (connection) => keystoneV3Url(connection.authUrl),
  createDriver: (connection, secret, tuning) => {
    const credentials = keystoneCredentials(connection, secret);
    if (typeof credentials === 'string') return misconfiguredDriver(credentials);
    return createOpenStackDriver(
      {
        authUrl: connection.authUrl,
        interface: connection.interface ?? 'public',
        credentials,
        who: openStackIdentity(connection),
      },
      { pageSize: tuning?.pageSize },
    );
  },
  // Nothing in it polls: callers poll getServer / getImage at their own pace (tuning unused).
  createComputeDriver: (connection, secret) => {
    const credentials = keystoneCredentials(connection, secret);
    if (typeof credentials === 'string') return misconfiguredCompute(credentials);
    return createOpenStackComputeDriver({
      authUrl: connection.authUrl,
      interface: connection.interface ?? 'public',
      credentials,
      who: openStackIdentity(connection),
    });
  },
};
