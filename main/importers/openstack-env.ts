import { present, type EnvironmentMap, type ImportResult } from './import-candidate';
import { openStackCandidate } from './openstack-entry';

/** OS_* variable → the clouds.yaml setting it stands for (as an openrc file exports them). */
const AUTH_VARIABLES: Readonly<Record<string, string>> = {
  OS_AUTH_URL: 'auth_url',
  OS_USERNAME: 'username',
  OS_USER_ID: 'user_id',
  OS_PASSWORD: 'password',
  OS_PROJECT_NAME: 'project_name',
  OS_TENANT_NAME: 'tenant_name',
  OS_PROJECT_ID: 'project_id',
  OS_TENANT_ID: 'tenant_id',
  OS_USER_DOMAIN_NAME: 'user_domain_name',
  OS_USER_DOMAIN_ID: 'user_domain_id',
  OS_PROJECT_DOMAIN_NAME: 'project_domain_name',
  OS_PROJECT_DOMAIN_ID: 'project_domain_id',
  OS_DOMAIN_NAME: 'domain_name',
  OS_DOMAIN_ID: 'domain_id',
  OS_APPLICATION_CREDENTIAL_ID: 'application_credential_id',
  OS_APPLICATION_CREDENTIAL_NAME: 'application_credential_name',
  OS_APPLICATION_CREDENTIAL_SECRET: 'application_credential_secret',
};

const CLOUD_VARIABLES: Readonly<Record<string, string>> = {
  OS_AUTH_TYPE: 'auth_type',
  OS_REGION_NAME: 'region_name',
  OS_INTERFACE: 'interface',
  OS_ENDPOINT_TYPE: 'endpoint_type',
  OS_IDENTITY_API_VERSION: 'identity_api_version',
  OS_INSECURE: 'insecure',
  OS_CACERT: 'cacert',
};

const CLOUD_VARIABLES_BY_KEY: Readonly<Record<string, true>> = Object.fromEntries(
  Object.values(CLOUD_VARIABLES).map((key) => [key, true as const]),
);

/**
 * Proposes an account from an openrc-style environment (OS_AUTH_URL, OS_USERNAME …). Nothing is
 * proposed unless OS_AUTH_URL or an application credential id is set: OS_CLOUD alone only names a
 * cloud in clouds.yaml, which the clouds.yaml importer covers.
 */
export function importOpenStackEnvironment(env: EnvironmentMap): ImportResult {
  if (!present(env.OS_AUTH_URL) && !present(env.OS_APPLICATION_CREDENTIAL_ID))
    return { candidates: [], errors: [] };
  const auth: Record<string, string> = {};
  const entry: Record<string, unknown> = { auth };
  const used: string[] = [];
  const labels = new Map<string, string>();
  for (const [variable, key] of [...Object.entries(AUTH_VARIABLES), ...Object.entries(CLOUD_VARIABLES)]) {
    labels.set(key, variable);
    // Passwords keep their exact characters; blank values count as unset.
    const value = present(env[variable]) === undefined ? undefined : env[variable];
    if (value === undefined) continue;
    used.push(variable);
    if (key in CLOUD_VARIABLES_BY_KEY) entry[key] = value;
    else auth[key] = value;
  }
  const candidate = openStackCandidate({
    name: '(environment)',
    source: `environment: ${used.join(', ')}`,
    entry,
    label: (key) => labels.get(key) ?? `OS_${key.toUpperCase()}`,
  });
  return { candidates: [candidate], errors: [] };
}
